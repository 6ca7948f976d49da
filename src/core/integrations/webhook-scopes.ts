// Webhook scopes in FeatBit's format `"{projectId}/{envId1},{envId2}"` (FeatBit's
// modules/back-end/src/Domain/Environments/ResourceDescriptor.cs MatchScope): a webhook hears an
// environment's change when one of its scopes names the project and that environment. FeatBit has no
// wildcard form; neither is there one here, so a new environment is never subscribed by surprise.

export interface WebhookScope {
  projectId: string;
  envIds: string[];
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

/** The scope, or null when the text is not `{projectId}/{envId}[,{envId}…]`. */
export function parseWebhookScope(text: string): WebhookScope | null {
  const slash = text.indexOf('/');
  if (slash <= 0) return null;
  const projectId = text.slice(0, slash);
  const envIds = text.slice(slash + 1).split(',');
  if (!ID.test(projectId) || envIds.length === 0 || !envIds.every((id) => ID.test(id))) return null;
  return { projectId, envIds };
}

export function scopesCover(scopes: readonly string[], projectId: string, envId: string): boolean {
  return scopes.some((text) => {
    const scope = parseWebhookScope(text);
    return scope !== null && scope.projectId === projectId && scope.envIds.includes(envId);
  });
}
