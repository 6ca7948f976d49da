import co.featbit.commons.model.EvalDetail;
import co.featbit.commons.model.FBUser;
import co.featbit.server.FBClientImp;
import co.featbit.server.FBConfig;
import co.featbit.server.Factory;
import co.featbit.server.exterior.FBClient;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Drives FeatBit's Java server SDK for the e2e suite: one JSON command per stdin line, one JSON answer
 * per stdout line. Users travel in the wire shape {keyId, name, customizedProperties}.
 * Usage: java -cp CLASSPATH Harness ENV_SECRET STREAMING_URL EVENT_URL
 */
public final class Harness {
  private static final Gson GSON = new Gson();

  public static void main(String[] args) throws Exception {
    FBConfig config = new FBConfig.Builder()
        .streamingURL(args[1])
        .eventURL(args[2])
        .startWaitTime(Duration.ofSeconds(20))
        .insightProcessorFactory(Factory.insightProcessorFactory().flushInterval(500))
        .build();
    FBClient client = new FBClientImp(args[0], config);
    reply(obj("ready", client.isInitialized()), "sdk", "featbit-java-sdk");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      JsonObject cmd = JsonParser.parseString(line).getAsJsonObject();
      switch (cmd.get("cmd").getAsString()) {
        case "evaluate" -> {
          JsonArray results = new JsonArray();
          for (JsonElement u : cmd.getAsJsonArray("users")) {
            FBUser user = toUser(u.getAsJsonObject());
            JsonArray row = new JsonArray();
            for (JsonElement f : cmd.getAsJsonArray("flags")) row.add(evaluate(client, f.getAsJsonObject(), user));
            results.add(row);
          }
          reply(obj("results", results));
        }
        case "await" -> reply(await(client, cmd));
        case "track" -> {
          double value = cmd.has("value") ? cmd.get("value").getAsDouble() : 1.0;
          client.trackMetric(toUser(cmd.getAsJsonObject("user")), cmd.get("event").getAsString(), value);
          reply(obj("ok", true));
        }
        case "flush" -> {
          client.flush();
          reply(obj("ok", true));
        }
        case "close" -> {
          client.close();
          reply(obj("ok", true));
          System.exit(0);
        }
        default -> reply(obj("error", "unknown command"));
      }
    }
    client.close();
  }

  private static FBUser toUser(JsonObject wire) {
    String key = wire.get("keyId").getAsString();
    FBUser.Builder builder = new FBUser.Builder(key).userName(wire.has("name") ? wire.get("name").getAsString() : key);
    if (wire.has("customizedProperties")) {
      for (JsonElement p : wire.getAsJsonArray("customizedProperties")) {
        JsonObject prop = p.getAsJsonObject();
        builder.custom(prop.get("name").getAsString(), prop.get("value").getAsString());
      }
    }
    return builder.build();
  }

  /** The typed call that matches the flag's type, as an application would make it. */
  private static JsonObject evaluate(FBClient client, JsonObject flag, FBUser user) {
    String key = flag.get("key").getAsString();
    EvalDetail<?> detail = switch (flag.get("type").getAsString()) {
      case "boolean" -> client.boolVariationDetail(key, user, false);
      case "number" -> client.doubleVariationDetail(key, user, Double.NaN);
      case "json" -> client.jsonVariationDetail(key, user, JsonElement.class, JsonNull.INSTANCE);
      default -> client.variationDetail(key, user, "");
    };
    JsonObject out = new JsonObject();
    out.add("value", GSON.toJsonTree(detail.getVariation()));
    out.addProperty("reason", detail.getReason());
    return out;
  }

  /** Polls the SDK's local store: the value changes only when a streamed update has been applied. */
  private static JsonObject await(FBClient client, JsonObject cmd) throws InterruptedException {
    FBUser user = toUser(cmd.getAsJsonObject("user"));
    JsonObject flag = new JsonObject();
    flag.add("key", cmd.get("flag"));
    flag.addProperty("type", cmd.has("type") ? cmd.get("type").getAsString() : "string");
    long start = System.nanoTime();
    long deadline = start + cmd.get("timeoutMs").getAsLong() * 1_000_000L;
    for (;;) {
      JsonElement value = evaluate(client, flag, user).get("value");
      if (Objects.equals(value, cmd.get("value"))) {
        return obj("ok", true, "elapsedMs", (System.nanoTime() - start) / 1_000_000L);
      }
      if (System.nanoTime() > deadline) return obj("ok", false, "last", value);
      Thread.sleep(2);
    }
  }

  private static JsonObject obj(Object... pairs) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) o.add((String) pairs[i], GSON.toJsonTree(pairs[i + 1]));
    return o;
  }

  private static void reply(JsonObject answer, Object... more) {
    for (int i = 0; i < more.length; i += 2) answer.add((String) more[i], GSON.toJsonTree(more[i + 1]));
    System.out.println(answer);
    System.out.flush();
  }
}
