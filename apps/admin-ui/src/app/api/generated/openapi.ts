// Generated from the management API's OpenAPI document (/docs/openapi.json). Do not edit:
// regenerate with `npm run generate:api-types -w apps/admin-ui` after API changes.
/* eslint-disable */
export interface paths {
  '/api/v1/access-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Access tokens of the organization (values are never shown again) */
    get: operations['listAccessTokens'];
    put?: never;
    /**
     * Create a Personal or Service token; the value `api-…` is in this response only
     * @description Personal tokens act with the creator’s current permissions. Service tokens use their own statements and need CanManageIAM as well.
     */
    post: operations['createAccessToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/access-tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a token; replace the statements of a Service token */
    put: operations['updateAccessToken'];
    post?: never;
    /** Delete a token (it stops working at once) */
    delete: operations['deleteAccessToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/access-tokens/{tokenId}/toggle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Activate or deactivate a token */
    put: operations['toggleAccessToken'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/access-tokens/is-name-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a token name is taken */
    get: operations['isAccessTokenNameUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every change in the current organization (IAM, projects, environments, secrets, flags, segments)
     * @description Needs CanManageIAM: it includes member, group, policy and access-token changes. Same filters as the environment listing plus envId.
     */
    get: operations['listOrganizationAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Changes in the environment (flags, segments, the environment and its secrets), newest first
     * @description Filters: refType, refId (a flag’s history), creatorId, query (key, name or comment), from/to. crossEnvironment=true with refId lists a shared segment’s history from every environment.
     */
    get: operations['listAuditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/audit-logs/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Readable change lines between two versions of an object */
    post: operations['compareAuditData'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-user-properties': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The property catalogue used by rule editors (built-ins keyId and name first) */
    get: operations['listEndUserProperties'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-user-properties/{propertyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a property from the catalogue (not built-ins) */
    delete: operations['deleteEndUserProperty'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-user-properties/{propertyId}/upsert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or edit a property with its preset values (built-ins are immutable) */
    put: operations['upsertEndUserProperty'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or update one end user by keyId; new property names join the catalogue */
    put: operations['upsertEndUser'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One end user */
    get: operations['getEndUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/{userId}/flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every flag of the environment evaluated for the user, with the reason */
    get: operations['getEndUserFlags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/{userId}/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Segments the user is in */
    get: operations['getEndUserSegments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/by-keyIds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End users by keyId (body: a JSON array of keyIds) */
    post: operations['getEndUsersByKeyIds'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Export end users (optionally filtered) as a streamed JSON file in the import format */
    post: operations['exportEndUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cursor-paged end users, newest first; searchText matches keyId or name */
    post: operations['searchEndUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/end-users/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import end users from a JSON file (multipart, streamed; size limit UPLOAD_LIMIT_BYTES)
     * @description Users are upserted by keyId in batches as the file streams in; invalid users are skipped and reported; a JSON syntax error stops the import (users already written stay).
     */
    post: operations['importEndUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Paged flags of the environment with search, tag, status and archive filters */
    get: operations['listFeatureFlags'];
    put?: never;
    /** Create a flag; the default rule serves the enabled variation to everyone */
    post: operations['createFeatureFlag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One flag by key, with its revision */
    get: operations['getFeatureFlag'];
    put?: never;
    post?: never;
    /**
     * Delete an archived flag for good (422 CannotDeleteUnarchivedFeatureFlag otherwise)
     * @description Evaluation servers forget the flag at once; nothing is pushed to SDKs (as FeatBit): they already received the archived flag, which evaluates to no variation, and drop it at their next full sync.
     */
    delete: operations['deleteFeatureFlag'];
    options?: never;
    head?: never;
    /**
     * Change a flag with a JSON Patch (RFC 6902), as FeatBit’s CLI does
     * @description Editable: name, description, isEnabled, tags, variations, disabledVariationId, targetUsers, rules, fallthrough, exptIncludeAllTargets. `{"op":"test","path":"/revision","value":…}` makes it conditional (409 when stale). Each changed field needs its own permission; the result is validated like the dedicated routes.
     */
    patch: operations['patchFeatureFlag'];
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Archive a flag (SDKs then get no variation for it) */
    put: operations['archiveFeatureFlag'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/description': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the description of a flag */
    put: operations['updateFeatureFlagDescription'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Evaluate the flag for a user (debug view): variation and reason */
    post: operations['evaluateFeatureFlag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a flag */
    put: operations['updateFeatureFlagName'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/off-variation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose the variation served when the flag is off (revision checked) */
    put: operations['updateFeatureFlagOffVariation'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Restore an archived flag */
    put: operations['restoreFeatureFlag'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the tags of a flag */
    put: operations['updateFeatureFlagTags'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/targeting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace individual targets, rules, default rule and experiment setting (revision checked)
     * @description Each changed part needs its own permission: UpdateFlagIndividualTargeting, UpdateFlagTargetingRules, UpdateFlagDefaultRule.
     */
    put: operations['updateFeatureFlagTargeting'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/toggle/{status}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Turn a flag on (true) or off (false) */
    put: operations['toggleFeatureFlag'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** When SDKs first and last evaluated the flag (from insight events; updated within seconds) */
    get: operations['getFeatureFlagUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/{key}/variations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the variations (revision checked)
     * @description A variation still used by the off variation, individual targets or rules cannot be removed (400 variations_is_invalid).
     */
    put: operations['updateFeatureFlagVariations'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/all-tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tag used by flags of the environment */
    get: operations['listFeatureFlagTags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/clone/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clone a flag with its variations and targeting under a new key */
    post: operations['cloneFeatureFlag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/copy-to-env-precheck/{targetEnvId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What copying these flags to another environment would find there */
    post: operations['precheckCopyFeatureFlags'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/copy-to-env/{targetEnvId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Copy flags to another environment (switched off there)
     * @description Flags whose key exists in the target are skipped (listed in `ignored`); rules that reference segments missing in the target are dropped. Needs CopyFlagTo on each source flag and CreateFlag in the target.
     */
    post: operations['copyFeatureFlagsToEnv'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/feature-flags/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a flag key is taken in the environment */
    get: operations['isFeatureFlagKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/secrets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a server or client secret; the response carries its value */
    post: operations['addEnvironmentSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/secrets/{secretId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a secret */
    put: operations['renameEnvironmentSecret'];
    post?: never;
    /** Remove a secret (SDKs using it stop authenticating) */
    delete: operations['removeEnvironmentSecret'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/secrets/{secretId}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the value of a secret
     * @description The old value stops working at once (SDK connections using it are refused on their next handshake). For a rotation without downtime add a second secret, move the SDKs, then remove the old one.
     */
    put: operations['rotateEnvironmentSecret'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Segments of the environment plus shared segments covering it, newest first */
    get: operations['listSegments'];
    put?: never;
    /** Create an environment-specific or shared segment */
    post: operations['createSegment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One segment */
    get: operations['getSegment'];
    put?: never;
    post?: never;
    /** Delete an archived segment (422 CannotDeleteUnArchivedSegment otherwise) */
    delete: operations['deleteSegment'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Archive a segment; refused with SegmentIsBeingUsed (data: the flags) while flags use it */
    put: operations['archiveSegment'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/description': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the description of a segment */
    put: operations['updateSegmentDescription'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/flag-references': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Flags whose rules use the segment (in every environment it applies to) */
    get: operations['getSegmentFlagReferences'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a segment */
    put: operations['updateSegmentName'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Restore an archived segment */
    put: operations['restoreSegment'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the tags of a segment */
    put: operations['updateSegmentTags'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/{segmentId}/targeting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace included/excluded users and rules
     * @description Users need UpdateSegmentTargetingUsers, rules UpdateSegmentRules. Referencing flags get a new revision and one change message is published per environment the segment applies to.
     */
    put: operations['updateSegmentTargeting'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/all-tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tag used by segments visible in the environment */
    get: operations['listSegmentTags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/by-ids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Several segments by id (only those visible in the environment) */
    get: operations['getSegmentsByIds'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/envs/{envId}/segments/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a segment key is taken (per environment, or per workspace for shared) */
    get: operations['isSegmentKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups of the current organization */
    get: operations['listGroups'];
    put?: never;
    /** Create a group (422 NameHasBeenUsed) */
    post: operations['createGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One group */
    get: operations['getGroup'];
    /** Rename a group or change its description */
    put: operations['updateGroup'];
    post?: never;
    /** Delete a group (its members keep their direct policies) */
    delete: operations['deleteGroup'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/add-member/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add a member to the group */
    put: operations['addGroupMember'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/add-policy/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Attach a policy to the group */
    put: operations['addGroupPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of the organization with a flag telling whether they are in the group */
    get: operations['getGroupMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Policies with a flag telling whether they are attached to the group */
    get: operations['getGroupPolicies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/remove-member/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Remove a member from the group */
    put: operations['removeGroupMember'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/{groupId}/remove-policy/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Detach a policy from the group */
    put: operations['removeGroupPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/groups/is-name-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a group name is taken */
    get: operations['isGroupNameUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/identity/login-by-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with e-mail and password
     * @description Returns a short-lived JWT and sets the HttpOnly refresh-token cookie. Rate limited per account and per address (429).
     */
    post: operations['loginByEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/identity/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke the refresh token of this session and delete the cookie */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/identity/refresh-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate the refresh-token cookie and get a new JWT */
    post: operations['refreshToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/identity/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change the own password (other sessions end) */
    put: operations['resetPassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of the current organization with their groups */
    get: operations['listMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One member */
    get: operations['getMember'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/add-policy/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Attach a policy to a member */
    put: operations['addMemberPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/direct-policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Policies attached to the member directly */
    get: operations['getMemberDirectPolicies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups of the organization with a flag telling whether the member belongs to them */
    get: operations['getMemberGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/inherited-policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Policies the member gets through groups, with the group names */
    get: operations['getMemberInheritedPolicies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every effective policy of the member (direct and through groups) */
    get: operations['getMemberPolicies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/{memberId}/remove-policy/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Detach a policy from a member (the last Owner stays) */
    put: operations['removeMemberPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/add': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a member by e-mail
     * @description An unknown e-mail gets a local account; its generated initial password is in the response, once. Without policies and groups the organization default permissions apply.
     */
    post: operations['addMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/remove-from-org/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member from the current organization (the last Owner stays) */
    delete: operations['removeMemberFromOrganization'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/members/remove-from-workspace/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member from every organization of the workspace */
    delete: operations['removeMemberFromWorkspace'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Organizations of the caller in the current workspace */
    get: operations['listOrganizations'];
    /**
     * Update the current organization
     * @description Each changed part needs its own permission: UpdateOrgName, UpdateOrgDefaultUserPermissions, UpdateOrgSortFlagsBy.
     */
    put: operations['updateOrganization'];
    /** Create an organization; the caller becomes its Owner */
    post: operations['createOrganization'];
    /** Delete the current organization with all its projects */
    delete: operations['deleteOrganization'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One organization the caller belongs to */
    get: operations['getOrganization'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether an organization key is taken in the workspace */
    get: operations['isOrganizationKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of the current organization (names and e-mails) */
    get: operations['listOrganizationMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Policies of the organization plus the built-in Owner, Administrator and Developer */
    get: operations['listPolicies'];
    put?: never;
    /** Create a policy without statements */
    post: operations['createPolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One policy with its statements */
    get: operations['getPolicy'];
    put?: never;
    post?: never;
    /** Delete a policy (not built-in ones); it is detached from members and groups */
    delete: operations['deletePolicy'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/{policyId}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups the policy is attached to */
    get: operations['getPolicyGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/{policyId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members the policy is attached to directly */
    get: operations['getPolicyMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/{policyId}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a policy or change its description (not built-in ones) */
    put: operations['updatePolicySettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/{policyId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the statements of a policy (not built-in ones)
     * @description Body: a JSON array of statements. Actions must exist for the statement’s resource type; resources are FeatBit resource names with * wildcards and an optional ;tag list.
     */
    put: operations['updatePolicyStatements'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/clone/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Copy a policy (built-in ones too) with its statements under a new key */
    post: operations['clonePolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/policies/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a policy key is taken */
    get: operations['isPolicyKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Projects with environments, filtered to what the caller may access */
    get: operations['listProjects'];
    put?: never;
    /** Create a project; environments Dev and Prod are created with it */
    post: operations['createProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{projectId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One project with the environments the caller may access */
    get: operations['getProject'];
    /** Rename a project (the key is immutable) */
    put: operations['updateProject'];
    post?: never;
    /** Delete a project with all its environments */
    delete: operations['deleteProject'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{projectId}/envs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an environment with a server and a client secret */
    post: operations['createEnvironment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{projectId}/envs/{envId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One environment with its secrets and settings */
    get: operations['getEnvironment'];
    /** Update name, description and settings (the key is immutable) */
    put: operations['updateEnvironment'];
    post?: never;
    /** Delete an environment with its flags, segments and users */
    delete: operations['deleteEnvironment'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/{projectId}/envs/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether an environment key is taken in the project */
    get: operations['isEnvironmentKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/projects/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a project key is taken in the organization */
    get: operations['isProjectKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/user/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Effective policies of the signed-in user in the current organization */
    get: operations['getUserPolicies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/user/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: operations['getProfile'];
    /** Change the own name and e-mail (422 EmailHasBeenUsed) */
    put: operations['updateProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/user/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Workspaces the signed-in user belongs to */
    get: operations['getUserWorkspaces'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current workspace (from the Workspace header or the access token) */
    get: operations['getWorkspace'];
    /** Rename the current workspace or change its key */
    put: operations['updateWorkspace'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workspaces/is-key-used': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether a workspace key is taken */
    get: operations['isWorkspaceKeyUsed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AccessTokenDto: {
      createdAt: string;
      creator: components['schemas']['ActorDto'];
      /** Format: uuid */
      id: string;
      lastUsedAt: string | null;
      name: string;
      /** @description Service tokens only */
      permissions: components['schemas']['PolicyStatementDto'][];
      /** @enum {string} */
      status: 'Active' | 'Inactive';
      /** @description The first characters followed by "…"; the full value is shown only on creation */
      token: string;
      /** @enum {string} */
      type: 'Personal' | 'Service';
      updatedAt: string;
    };
    ActorDto: {
      email: string;
      id: string;
      name: string;
    };
    AddedMemberDto: {
      /** @description Whether a new account was created */
      created: boolean;
      email: string;
      /** Format: uuid */
      id: string;
      /** @description Shown once for a new account; null for existing accounts */
      initialPassword: string | null;
    };
    AddMemberDto: {
      email: string;
      groupIds?: string[];
      policyIds?: string[];
    };
    AuditLogDto: {
      comment: string;
      createdAt: string;
      /** @description The member e-mail, "Access token" or "System" */
      creatorEmail: string;
      /** @description A member id, an access-token id, or the empty GUID for the system */
      creatorId: string;
      creatorName: string;
      dataChange: components['schemas']['DataChangeDto'];
      envId: string;
      /** Format: uuid */
      id: string;
      instructions: components['schemas']['InstructionDto'][];
      keyword: string;
      /** @example Update */
      operation: string;
      refId: string;
      /** @enum {string} */
      refType:
        | 'FeatureFlag'
        | 'Workspace'
        | 'Organization'
        | 'Segment'
        | 'Environment'
        | 'EnvironmentSecret'
        | 'Project'
        | 'Member'
        | 'Group'
        | 'Policy'
        | 'AccessToken';
    };
    CloneFlagDto: {
      description?: string;
      /** @example my-key */
      key: string;
      name: string;
      tags?: string[];
    };
    CommentDto: {
      /** @description Stored on the audit log */
      comment?: string;
    };
    CompareDto: {
      dataChange: components['schemas']['DataChangeDto'];
      /** @enum {string} */
      refType:
        | 'FeatureFlag'
        | 'Workspace'
        | 'Organization'
        | 'Segment'
        | 'Environment'
        | 'EnvironmentSecret'
        | 'Project'
        | 'Member'
        | 'Group'
        | 'Policy'
        | 'AccessToken';
    };
    ConditionDto: {
      id?: string;
      /** @example Equal */
      op: string | null;
      /** @description User attribute, or "User is in segment" / "User is not in segment" */
      property: string;
      /** @description A string; JSON array text for list operators and segment conditions */
      value: string;
    };
    ConditionInputDto: {
      id?: string;
      op: string | null;
      property: string;
      value: string;
    };
    CopyPrecheckDto: {
      /** Format: uuid */
      id: string;
      /** @description The key is free in the target environment */
      keyCheck: boolean;
      newProperties: string[];
      /** @description Every referenced segment is visible in the target environment */
      targetRuleCheck: boolean;
      /** @description Every targeted user exists in the target environment */
      targetUserCheck: boolean;
    };
    CopyResultDto: {
      copiedCount: number;
      /** @description Keys not copied because they exist in the target */
      ignored: string[];
    };
    CopyToEnvDto: {
      flagIds: string[];
      /** @description Ignored: checks are recomputed server-side */
      precheckResults?: Record<string, never>[];
    };
    CreateAccessTokenDto: {
      name: string;
      /** @description Required for Service tokens; ignored for Personal ones */
      permissions?: components['schemas']['PolicyStatementDto'][];
      /** @enum {string} */
      type: 'Personal' | 'Service';
    };
    CreatedAccessTokenDto: {
      createdAt: string;
      creator: components['schemas']['ActorDto'];
      /** Format: uuid */
      id: string;
      lastUsedAt: string | null;
      name: string;
      /** @description Service tokens only */
      permissions: components['schemas']['PolicyStatementDto'][];
      /** @enum {string} */
      status: 'Active' | 'Inactive';
      /** @description The full token value, shown only in this response: `Authorization: <token>` */
      token: string;
      /** @enum {string} */
      type: 'Personal' | 'Service';
      updatedAt: string;
    };
    CreateEnvironmentDto: {
      description?: string;
      /** @example my-key */
      key: string;
      name: string;
      settings?: components['schemas']['EnvironmentSettingsInputDto'];
    };
    CreateFlagDto: {
      description?: string;
      /** @description Variation served when the flag is off */
      disabledVariationId: string;
      /** @description Variation served by the default rule (100%) */
      enabledVariationId: string;
      isEnabled: boolean;
      /** @example my-key */
      key: string;
      name: string;
      tags?: string[];
      variations: components['schemas']['VariationInputDto'][];
      /** @enum {string} */
      variationType: 'boolean' | 'string' | 'number' | 'json';
    };
    CreateGroupDto: {
      description?: string;
      name: string;
    };
    CreateOrganizationDto: {
      /** @example my-key */
      key: string;
      name: string;
    };
    CreatePolicyDto: {
      description?: string;
      /** @example my-key */
      key: string;
      name: string;
    };
    CreateProjectDto: {
      /** @example my-key */
      key: string;
      name: string;
    };
    CreateSecretDto: {
      name: string;
      /** @enum {string} */
      type: 'server' | 'client';
    };
    CreateSegmentDto: {
      description?: string;
      /** @example my-key */
      key: string;
      name: string;
      /** @description Shared segments: e.g. organization/acme:project/web */
      scopes?: string[];
      tags?: string[];
      /**
       * @default environment-specific
       * @enum {string}
       */
      type: 'environment-specific' | 'shared';
    };
    CursorDto: {
      /** @enum {string} */
      direction: 'forward' | 'backward';
      /** Format: uuid */
      id: string;
      updatedAt: string;
    };
    DataChangeDto: {
      /** @description JSON text of the object after ("" on delete) */
      current: string;
      /** @description JSON text of the object before ("" on create) */
      previous: string;
    };
    DefaultPermissionsDto: {
      groupIds: string[];
      policyIds: string[];
    };
    DefaultPermissionsInputDto: {
      groupIds: string[];
      policyIds: string[];
    };
    EndUserDto: {
      createdAt: string;
      customizedProperties: components['schemas']['UserPropertyDto'][];
      envId: string | null;
      /** Format: uuid */
      id: string;
      keyId: string;
      name: string | null;
      updatedAt: string;
    };
    EndUserPageDto: {
      items: components['schemas']['EndUserDto'][];
      nextCursor: components['schemas']['CursorDto'] | null;
      previousCursor: components['schemas']['CursorDto'] | null;
    };
    EndUserPropertyDto: {
      /** Format: uuid */
      id: string;
      isBuiltIn: boolean;
      isDigestField: boolean;
      name: string;
      presetValues: components['schemas']['PresetValueDto'][];
      remark: string;
      usePresetValuesOnly: boolean;
    };
    EndUserSearchDto: {
      cursor?: components['schemas']['CursorDto'] | null;
      /** @default 10 */
      pageSize: number;
      /** @description Substring of keyId or name */
      searchText?: string;
    };
    EnvironmentDto: {
      createdAt: string;
      description: string;
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
      /** Format: uuid */
      projectId: string;
      /** @description SDK secrets; empty unless the caller has CanAccessEnvSecrets on the environment */
      secrets: components['schemas']['SecretDto'][];
      settings: components['schemas']['EnvironmentSettingsDto'];
      updatedAt: string;
    };
    EnvironmentSettingsDto: {
      requireChangeComment: boolean;
    };
    EnvironmentSettingsInputDto: {
      requireChangeComment?: boolean;
    };
    ErrorEnvelopeDto: {
      /** @description Extra data for some business-rule errors */
      data: Record<string, never> | null;
      details?: components['schemas']['FieldProblemDto'][];
      /**
       * @example [
       *       "ResourceNotFound"
       *     ]
       */
      errors: string[];
      /** @description Readable explanation */
      message?: string;
      /** @example false */
      success: boolean;
    };
    EvaluatedFlagDto: {
      /** Format: uuid */
      id: string;
      key: string;
      /** @description 'flag disabled' | 'targeted' | <rule name> | 'default' | 'malformed flag' */
      matchReason: string;
      matchVariation: components['schemas']['VariationDto'] | null;
      name: string;
      variations: components['schemas']['VariationDto'][];
      variationType: string;
    };
    EvaluateFlagDto: {
      user: components['schemas']['EvaluationUserDto'];
    };
    EvaluationDto: {
      error?: string;
      /**
       * @description 'flag archived' | 'flag disabled' | 'targeted' | <rule name> | 'default' | 'malformed flag'
       * @example default
       */
      reason: string;
      sendToExperiment: boolean;
      value: string | null;
      variationId: string | null;
      /** @description Name of the served variation */
      variationName: string | null;
    };
    EvaluationUserDto: {
      customizedProperties?: components['schemas']['UserPropertyInputDto'][];
      keyId: string;
      name?: string | null;
    };
    ExportQueryDto: {
      searchText?: string;
    };
    FallthroughDto: {
      dispatchKey: string | null;
      includedInExpt: boolean;
      variations: components['schemas']['RolloutVariationDto'][];
    };
    FallthroughInputDto: {
      dispatchKey: string | null;
      includedInExpt: boolean;
      variations: components['schemas']['RolloutInputDto'][];
    };
    FeatureFlagDto: {
      createdAt: string;
      creatorId: string;
      description: string;
      disabledVariationId: string;
      /** Format: uuid */
      envId: string;
      exptIncludeAllTargets: boolean;
      fallthrough: components['schemas']['FallthroughDto'];
      /** Format: uuid */
      id: string;
      isArchived: boolean;
      isEnabled: boolean;
      key: string;
      name: string;
      /**
       * Format: uuid
       * @description Send back on targeting/variation/off-variation updates (409 when stale)
       */
      revision: string;
      rules: components['schemas']['TargetRuleDto'][];
      tags: string[];
      targetUsers: components['schemas']['TargetUserDto'][];
      updatedAt: string;
      updatorId: string;
      variations: components['schemas']['VariationDto'][];
      /** @enum {string} */
      variationType: 'boolean' | 'string' | 'number' | 'json';
    };
    FieldProblemDto: {
      /** @example key_is_invalid */
      code: string;
      /** @example variations[0].value */
      field: string;
      message: string;
    };
    FlagListItemDto: {
      createdAt: string;
      creator: components['schemas']['ActorDto'];
      description: string;
      /** Format: uuid */
      id: string;
      isArchived: boolean;
      isEnabled: boolean;
      key: string;
      lastChange: components['schemas']['LastChangeDto'] | null;
      /**
       * Format: date-time
       * @description Latest evaluation reported by an SDK; null when never evaluated
       */
      lastEvaluatedAt: string | null;
      name: string;
      serves: components['schemas']['ServesDto'];
      tags: string[];
      updatedAt: string;
      variations: components['schemas']['VariationDto'][];
      /** @enum {string} */
      variationType: 'boolean' | 'string' | 'number' | 'json';
    };
    FlagReferenceDto: {
      /** Format: uuid */
      envId: string;
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
    };
    FlagUsageDto: {
      /**
       * Format: date-time
       * @description First evaluation reported by an SDK (its own clock); null when never evaluated
       */
      firstEvaluatedAt: string | null;
      /**
       * Format: date-time
       * @description Latest evaluation reported by an SDK; null when never evaluated
       */
      lastEvaluatedAt: string | null;
    };
    GroupDto: {
      createdAt: string;
      description: string;
      /** Format: uuid */
      id: string;
      name: string;
      updatedAt: string;
    };
    GroupMemberDto: {
      email: string;
      /** Format: uuid */
      id: string;
      isGroupMember: boolean;
      name: string;
    };
    GroupPolicyDto: {
      description: string;
      /** Format: uuid */
      id: string;
      isGroupPolicy: boolean;
      key: string;
      name: string;
      type: string;
    };
    GroupRefDto: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    ImportResultDto: {
      /** @description The first problems found (index and reason) */
      errors: string[];
      /** @description Property names added to the catalogue */
      newProperties: string[];
      /** @description Users skipped because they were invalid */
      skippedCount: number;
      /** @description Users read from the file */
      totalCount: number;
      /** @description Users created or changed */
      writtenCount: number;
    };
    InheritedPolicyDto: {
      groups: components['schemas']['GroupRefDto'][];
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
      type: string;
    };
    InstructionDto: {
      /** @example TurnFlagOn */
      kind: string;
      /** @example turned the flag on */
      text: string;
      /** @description Kind-specific value (a string, a list, or an object) */
      value: (string | number | boolean | unknown[] | Record<string, never>) | null;
    };
    LastChangeDto: {
      comment: string;
      happenedAt: string;
      /** @description Who made the last change */
      operator: string;
    };
    LoginByEmailDto: {
      /** @example admin@example.com */
      email: string;
      password: string;
    };
    LoginResultDto: {
      /** @description Seconds until the token expires */
      expiresIn: number;
      /** @example false */
      isSsoFirstLogin: boolean;
      /** @description Short-lived JWT; send as `Authorization: Bearer <token>` */
      token: string;
    };
    MatchedSegmentDto: {
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
      type: string;
      updatedAt: string;
    };
    MemberDto: {
      createdAt: string;
      email: string;
      groups: components['schemas']['GroupRefDto'][];
      /** Format: uuid */
      id: string;
      invitorId: string | null;
      name: string;
    };
    MemberGroupDto: {
      createdAt: string;
      description: string;
      /** Format: uuid */
      id: string;
      isGroupMember: boolean;
      name: string;
      updatedAt: string;
    };
    MemberRefDto: {
      email: string;
      /** Format: uuid */
      id: string;
      name: string;
    };
    OrganizationDto: {
      createdAt: string;
      defaultPermissions: components['schemas']['DefaultPermissionsDto'];
      /** Format: uuid */
      id: string;
      initialized: boolean;
      key: string;
      license: string | null;
      name: string;
      settings: components['schemas']['OrganizationSettingsDto'];
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    OrganizationSettingsDto: {
      flagSortedBy?: string;
    };
    OrganizationSettingsInputDto: {
      /** @enum {string} */
      flagSortedBy?: 'created_at' | 'updated_at' | 'key';
    };
    OrgMemberDto: {
      email: string;
      /** Format: uuid */
      id: string;
      name: string;
    };
    PatchOperationDto: {
      from?: string;
      /** @enum {string} */
      op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
      /** @example /fallthrough/variations */
      path: string;
      /** @description The value for add, replace and test */
      value?: Record<string, never>;
    };
    PolicyDto: {
      createdAt: string;
      description: string;
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
      statements: components['schemas']['PolicyStatementDto'][];
      /** @enum {string} */
      type: 'SysManaged' | 'CustomerManaged';
      updatedAt: string;
    };
    PolicyStatementDto: {
      /**
       * @example [
       *       "ToggleFlag"
       *     ]
       */
      actions: string[];
      /** @enum {string} */
      effect: 'allow' | 'deny';
      /** @description Generated when absent */
      id?: string;
      /**
       * @example [
       *       "project/*:env/*:flag/*"
       *     ]
       */
      resources: string[];
      /** @enum {string} */
      resourceType:
        | '*'
        | 'workspace'
        | 'organization'
        | 'iam'
        | 'access-token'
        | 'relay-proxy'
        | 'project'
        | 'env'
        | 'flag'
        | 'segment';
    };
    PresetValueDto: {
      description: string;
      id?: string;
      value: string;
    };
    ProfileDto: {
      email: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      origin: 'Local' | 'Sso' | 'OAuth';
    };
    ProjectDto: {
      createdAt: string;
      environments: components['schemas']['EnvironmentDto'][];
      /** Format: uuid */
      id: string;
      key: string;
      name: string;
      /** Format: uuid */
      organizationId: string;
      updatedAt: string;
    };
    ResetPasswordDto: {
      currentPassword: string;
      newPassword: string;
    };
    ResetPasswordResultDto: {
      reason: string;
      success: boolean;
    };
    RolloutInputDto: {
      /** @example 1 */
      exptRollout: number;
      /** @description Variation id */
      id: string;
      /**
       * @example [
       *       0,
       *       1
       *     ]
       */
      rollout: number[];
    };
    RolloutVariationDto: {
      /** @example 1 */
      exptRollout: number;
      /** @description Variation id */
      id: string;
      /**
       * @description Bucket interval [from, to] within [0, 1]
       * @example [
       *       0,
       *       1
       *     ]
       */
      rollout: number[];
    };
    RuleInputDto: {
      conditions: components['schemas']['ConditionInputDto'][];
      /** @description Attribute to split by; null = keyId */
      dispatchKey: string | null;
      /** @description Generated when absent */
      id?: string;
      includedInExpt: boolean;
      name: string;
      variations: components['schemas']['RolloutInputDto'][];
    };
    SecretDto: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @enum {string} */
      type: 'server' | 'client';
      /** @description The SDK key (44 characters, FeatBit format) */
      value: string;
    };
    SegmentDto: {
      createdAt: string;
      description: string;
      /** @description The environment of an environment-specific segment; "" for shared ones */
      envId: string;
      excluded: string[];
      /** Format: uuid */
      id: string;
      included: string[];
      isArchived: boolean;
      key: string;
      name: string;
      rules: components['schemas']['SegmentRuleDto'][];
      /** @description Resource names a shared segment applies to */
      scopes: string[];
      tags: string[];
      /** @enum {string} */
      type: 'environment-specific' | 'shared';
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    SegmentRuleDto: {
      conditions: components['schemas']['ConditionDto'][];
      id: string;
      name: string;
    };
    SegmentRuleInputDto: {
      conditions: components['schemas']['ConditionInputDto'][];
      /** @description Generated when absent */
      id?: string;
      name: string;
    };
    ServesDto: {
      /** @description Variation name served when off */
      disabledVariation: string;
      /** @description Variation names served by the default rule when on */
      enabledVariations: string[];
    };
    TargetingInputDto: {
      exptIncludeAllTargets: boolean;
      fallthrough: components['schemas']['FallthroughInputDto'];
      rules: components['schemas']['RuleInputDto'][];
      targetUsers: components['schemas']['TargetUserInputDto'][];
    };
    TargetRuleDto: {
      conditions: components['schemas']['ConditionDto'][];
      dispatchKey: string | null;
      id: string;
      includedInExpt: boolean;
      name: string;
      variations: components['schemas']['RolloutVariationDto'][];
    };
    TargetUserDto: {
      keyIds: string[];
      variationId: string;
    };
    TargetUserInputDto: {
      keyIds: string[];
      variationId: string;
    };
    UpdateAccessTokenDto: {
      name?: string;
      /** @description Service tokens only */
      permissions?: components['schemas']['PolicyStatementDto'][];
    };
    UpdateDescriptionDto: {
      /** @description Stored on the audit log */
      comment?: string;
      description: string;
    };
    UpdateEnvironmentDto: {
      description?: string;
      name?: string;
      settings?: components['schemas']['EnvironmentSettingsInputDto'];
    };
    UpdateNameDto: {
      /** @description Stored on the audit log */
      comment?: string;
      name: string;
    };
    UpdateOffVariationDto: {
      /** @description Stored on the audit log */
      comment?: string;
      offVariationId: string;
      /**
       * Format: uuid
       * @description The revision the change is based on (409 when stale)
       */
      revision: string;
    };
    UpdateOrganizationDto: {
      defaultPermissions?: components['schemas']['DefaultPermissionsInputDto'];
      name?: string;
      settings?: components['schemas']['OrganizationSettingsInputDto'];
    };
    UpdatePolicySettingsDto: {
      description?: string;
      name: string;
    };
    UpdateProfileDto: {
      email: string;
      name: string;
    };
    UpdateProjectDto: {
      name: string;
    };
    UpdateSecretDto: {
      name: string;
    };
    UpdateSegmentDescriptionDto: {
      /** @description Stored on the audit log */
      comment?: string;
      description: string;
    };
    UpdateSegmentNameDto: {
      /** @description Stored on the audit log */
      comment?: string;
      name: string;
    };
    UpdateSegmentTagsDto: {
      /** @description Stored on the audit log */
      comment?: string;
      tags: string[];
    };
    UpdateSegmentTargetingDto: {
      /** @description Stored on the audit log */
      comment?: string;
      excluded: string[];
      included: string[];
      rules: components['schemas']['SegmentRuleInputDto'][];
    };
    UpdateTagsDto: {
      /** @description Stored on the audit log */
      comment?: string;
      tags: string[];
    };
    UpdateTargetingDto: {
      /** @description Stored on the audit log */
      comment?: string;
      /**
       * Format: uuid
       * @description The revision the change is based on (409 when stale)
       */
      revision: string;
      targeting: components['schemas']['TargetingInputDto'];
    };
    UpdateVariationsDto: {
      /** @description Stored on the audit log */
      comment?: string;
      /**
       * Format: uuid
       * @description The revision the change is based on (409 when stale)
       */
      revision: string;
      variations: components['schemas']['VariationInputDto'][];
    };
    UpdateWorkspaceDto: {
      /** @example my-key */
      key: string;
      name: string;
    };
    UpsertEndUserDto: {
      customizedProperties?: components['schemas']['UserPropertyInputDto'][];
      keyId: string;
      name?: string | null;
    };
    UpsertPropertyDto: {
      isDigestField?: boolean;
      name: string;
      presetValues?: components['schemas']['PresetValueDto'][];
      remark?: string;
      usePresetValuesOnly?: boolean;
    };
    UserPropertyDto: {
      name: string;
      value: string | null;
    };
    UserPropertyInputDto: {
      name: string;
      value: string | null;
    };
    VariationDto: {
      id: string;
      name: string;
      /** @description Always a string ("true", "42", JSON text …) */
      value: string;
    };
    VariationInputDto: {
      /** @description Generated when absent */
      id?: string;
      name: string;
      /** @description A string: "true"/"false", a number, JSON text or any text */
      value: string;
    };
    WorkspaceDto: {
      /** Format: uuid */
      id: string;
      key: string;
      license: string | null;
      name: string;
      sso: Record<string, never> | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listAccessTokens: {
    parameters: {
      query?: {
        creatorId?: string;
        name?: string;
        pageIndex?: number;
        pageSize?: number;
        type?: 'Personal' | 'Service';
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['AccessTokenDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createAccessToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAccessTokenDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['CreatedAccessTokenDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateAccessToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAccessTokenDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['AccessTokenDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteAccessToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  toggleAccessToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['AccessTokenDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isAccessTokenNameUsed: {
    parameters: {
      query: {
        name: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listOrganizationAuditLogs: {
    parameters: {
      query?: {
        creatorId?: string;
        /** @description With refId: the history of a shared segment across environments */
        crossEnvironment?: boolean;
        /** @description Only entries of this environment */
        envId?: string;
        /** @description ISO timestamp or epoch milliseconds, inclusive */
        from?: string;
        pageIndex?: number;
        pageSize?: number;
        /** @description Text in keyword (key, name) or comment */
        query?: string;
        refId?: string;
        refType?:
          | 'FeatureFlag'
          | 'Workspace'
          | 'Organization'
          | 'Segment'
          | 'Environment'
          | 'EnvironmentSecret'
          | 'Project'
          | 'Member'
          | 'Group'
          | 'Policy'
          | 'AccessToken';
        /** @description ISO timestamp or epoch milliseconds, inclusive */
        to?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['AuditLogDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listAuditLogs: {
    parameters: {
      query?: {
        creatorId?: string;
        /** @description With refId: the history of a shared segment across environments */
        crossEnvironment?: boolean;
        /** @description ISO timestamp or epoch milliseconds, inclusive */
        from?: string;
        pageIndex?: number;
        pageSize?: number;
        /** @description Text in keyword (key, name) or comment */
        query?: string;
        refId?: string;
        refType?:
          | 'FeatureFlag'
          | 'Workspace'
          | 'Organization'
          | 'Segment'
          | 'Environment'
          | 'EnvironmentSecret'
          | 'Project'
          | 'Member'
          | 'Group'
          | 'Policy'
          | 'AccessToken';
        /** @description ISO timestamp or epoch milliseconds, inclusive */
        to?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['AuditLogDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  compareAuditData: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompareDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['InstructionDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listEndUserProperties: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserPropertyDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteEndUserProperty: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        propertyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  upsertEndUserProperty: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        propertyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpsertPropertyDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserPropertyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  upsertEndUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpsertEndUserDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getEndUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getEndUserFlags: {
    parameters: {
      query?: {
        searchText?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EvaluatedFlagDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getEndUserSegments: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['MatchedSegmentDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getEndUsersByKeyIds: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': string[];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  exportEndUsers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExportQueryDto'];
      };
    };
    responses: {
      /** @description A JSON file {"users":[...],"userProperties":[...]}, streamed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  searchEndUsers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EndUserSearchDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EndUserPageDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  importEndUsers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description {"users":[{keyId,name,customizedProperties}],"userProperties":[...]}
           */
          file?: string;
        };
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ImportResultDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listFeatureFlags: {
    parameters: {
      query?: {
        isArchived?: boolean;
        isEnabled?: boolean;
        /** @description Substring of name or key */
        name?: string;
        pageIndex?: number;
        pageSize?: number;
        sortBy?: 'created_at' | 'updated_at' | 'key';
        /** @description Every listed tag must be present */
        tags?: string[];
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['FlagListItemDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFlagDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['FeatureFlagDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['FeatureFlagDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  patchFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchOperationDto'][];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  archiveFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagDescription: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateDescriptionDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  evaluateFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EvaluateFlagDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EvaluationDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagName: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateNameDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagOffVariation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOffVariationDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  restoreFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagTags: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTagsDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagTargeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTargetingDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  toggleFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
        status: 'true' | 'false';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getFeatureFlagUsage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['FlagUsageDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateFeatureFlagVariations: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateVariationsDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The new revision of the flag */
            data: string;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listFeatureFlagTags: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: string[];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  cloneFeatureFlag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        key: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloneFlagDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['FeatureFlagDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  precheckCopyFeatureFlags: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        targetEnvId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': string[];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['CopyPrecheckDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  copyFeatureFlagsToEnv: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        targetEnvId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CopyToEnvDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['CopyResultDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isFeatureFlagKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  addEnvironmentSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSecretDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SecretDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  renameEnvironmentSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        secretId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSecretDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SecretDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeEnvironmentSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        secretId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  rotateEnvironmentSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        secretId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SecretDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listSegments: {
    parameters: {
      query?: {
        isArchived?: boolean;
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['SegmentDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createSegment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSegmentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getSegment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteSegment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  archiveSegment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateSegmentDescription: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSegmentDescriptionDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getSegmentFlagReferences: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['FlagReferenceDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateSegmentName: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSegmentNameDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  restoreSegment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateSegmentTags: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSegmentTagsDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateSegmentTargeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        segmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSegmentTargetingDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listSegmentTags: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: string[];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getSegmentsByIds: {
    parameters: {
      query: {
        ids: string[];
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['SegmentDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isSegmentKeyUsed: {
    parameters: {
      query: {
        key: string;
        type?: 'environment-specific' | 'shared';
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listGroups: {
    parameters: {
      query?: {
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['GroupDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGroupDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['GroupDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['GroupDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateGroupDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['GroupDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  addGroupMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  addGroupPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getGroupMembers: {
    parameters: {
      query?: {
        /** @description true: every org member with an isGroupMember flag; false: only group members */
        getAllMembers?: boolean;
        pageIndex?: number;
        pageSize?: number;
        searchText?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['GroupMemberDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getGroupPolicies: {
    parameters: {
      query?: {
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['GroupPolicyDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeGroupMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeGroupPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        groupId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isGroupNameUsed: {
    parameters: {
      query: {
        name: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  loginByEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginByEmailDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['LoginResultDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  refreshToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['LoginResultDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ResetPasswordResultDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listMembers: {
    parameters: {
      query?: {
        pageIndex?: number;
        pageSize?: number;
        searchText?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['MemberDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['MemberDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  addMemberPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMemberDirectPolicies: {
    parameters: {
      query?: {
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['PolicyDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMemberGroups: {
    parameters: {
      query?: {
        /** @description true: every group with an isGroupMember flag; false: only the member’s groups */
        getAllGroups?: boolean;
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['MemberGroupDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMemberInheritedPolicies: {
    parameters: {
      query?: {
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['InheritedPolicyDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getMemberPolicies: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeMemberPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  addMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMemberDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['AddedMemberDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeMemberFromOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  removeMemberFromWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listOrganizations: {
    parameters: {
      query?: never;
      header?: {
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['OrganizationDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrganizationDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['OrganizationDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['OrganizationDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['OrganizationDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isOrganizationKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listOrganizationMembers: {
    parameters: {
      query?: {
        pageIndex?: number;
        pageSize?: number;
        searchText?: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['OrgMemberDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listPolicies: {
    parameters: {
      query?: {
        name?: string;
        pageIndex?: number;
        pageSize?: number;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: {
              items: components['schemas']['PolicyDto'][];
              totalCount: number;
            };
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePolicyDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getPolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deletePolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getPolicyGroups: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['GroupDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getPolicyMembers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['MemberRefDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updatePolicySettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePolicySettingsDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updatePolicyStatements: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PolicyStatementDto'][];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  clonePolicy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        policyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePolicyDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isPolicyKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  listProjects: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProjectDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createProject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProjectDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getProject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProjectDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateProject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        projectId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProjectDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteProject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  createEnvironment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        projectId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEnvironmentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EnvironmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getEnvironment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EnvironmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateEnvironment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        projectId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEnvironmentDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['EnvironmentDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  deleteEnvironment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        envId: string;
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isEnvironmentKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path: {
        projectId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isProjectKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getUserPolicies: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['PolicyDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProfileDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['ProfileDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getUserWorkspaces: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['WorkspaceDto'][];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  getWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['WorkspaceDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  updateWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWorkspaceDto'];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: components['schemas']['WorkspaceDto'];
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
  isWorkspaceKeyUsed: {
    parameters: {
      query: {
        key: string;
      };
      header?: {
        /** @description Organization id (console sessions) */
        Organization?: string;
        /** @description Workspace id (console sessions) */
        Workspace?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            data: boolean;
            /** @example [] */
            errors: string[];
            /** @example true */
            success: boolean;
          };
        };
      };
      /** @description Invalid request (error codes such as `name_is_required`, details per field) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Not allowed by IAM */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description ResourceNotFound */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Conflict: the revision is stale */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description Business rule violated (FeatBit error code) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
      /** @description The database is unavailable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorEnvelopeDto'];
        };
      };
    };
  };
}
