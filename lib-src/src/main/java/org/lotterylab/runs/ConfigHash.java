package org.lotterylab.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.Sha256;

/**
 * The identity of a run: the SHA-256 of its configuration record written as canonical JSON.
 *
 * <p>Canonical means keys sorted at every level (records, nested records, maps), so the hash does
 * not depend on the order in which components are declared or a map was filled: reordering a
 * record's components keeps its runs, changing any value makes a new run.
 */
public final class ConfigHash {

    /** Hex digits of the hash used as a run's folder name: short to read, long enough not to collide. */
    public static final int FOLDER_DIGITS = 12;

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    private static final Gson PRETTY = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private ConfigHash() {}

    /**
     * @param config a record of hyper-parameters (components: numbers, strings, enums, lists, maps, records)
     * @return its canonical JSON on one line
     */
    public static String canonicalJson(Record config) {
        return GSON.toJson(canonical(GSON.toJsonTree(config)));
    }

    /**
     * @param config a record of hyper-parameters
     * @return its canonical JSON, indented for people (what {@code config.json} holds)
     */
    public static String prettyJson(Record config) {
        return PRETTY.toJson(canonical(GSON.toJsonTree(config)));
    }

    /** @return the configuration as the JSON tree that {@link #canonicalJson} and {@link #prettyJson} write */
    static JsonElement tree(Record config) {
        return GSON.toJsonTree(config);
    }

    /**
     * @param config a record of hyper-parameters
     * @return the full SHA-256 of its canonical JSON, 64 lower-case hex digits
     */
    public static String of(Record config) {
        return Sha256.of(canonicalJson(config).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param config a record of hyper-parameters
     * @return the first {@value #FOLDER_DIGITS} hex digits of {@link #of(Record)}: the run's folder name
     */
    public static String folderName(Record config) {
        return of(config).substring(0, FOLDER_DIGITS);
    }

    private static JsonElement canonical(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, JsonElement> sorted = new TreeMap<>(element.getAsJsonObject().asMap());
            JsonObject object = new JsonObject();
            sorted.forEach((key, value) -> object.add(key, canonical(value)));
            return object;
        }
        if (element.isJsonArray()) {
            JsonArray array = new JsonArray();
            element.getAsJsonArray().forEach(item -> array.add(canonical(item)));
            return array;
        }
        return element;
    }
}
