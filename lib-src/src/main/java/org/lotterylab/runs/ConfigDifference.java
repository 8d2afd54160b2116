package org.lotterylab.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where two configurations, as JSON trees, first differ: a component by its dotted path
 * ({@code training.learningRate}, {@code milestones[1]}) with both values. Layout (indentation,
 * key order, a final newline) is not a difference: only parsed values are compared.
 */
final class ConfigDifference {

    private ConfigDifference() {}

    /**
     * @param stored the configuration read from {@code config.json}
     * @param given the configuration of the record in hand
     * @return the first difference in words, or empty when both hold the same values
     */
    static Optional<String> between(JsonElement stored, JsonElement given) {
        return at("", stored, given);
    }

    private static Optional<String> at(String path, JsonElement stored, JsonElement given) {
        if (stored.isJsonObject() && given.isJsonObject()) {
            return inObjects(path, stored.getAsJsonObject(), given.getAsJsonObject());
        }
        if (stored.isJsonArray() && given.isJsonArray()) {
            return inArrays(path, stored.getAsJsonArray(), given.getAsJsonArray());
        }
        return same(stored, given) ? Optional.empty()
                : Optional.of(name(path) + " is " + stored + " in config.json but " + given + " in the configuration given");
    }

    /** Numbers compare by value, exactly: Gson's own comparison goes through double and would merge large seeds. */
    private static boolean same(JsonElement stored, JsonElement given) {
        if (stored.isJsonPrimitive() && given.isJsonPrimitive()
                && stored.getAsJsonPrimitive().isNumber() && given.getAsJsonPrimitive().isNumber()) {
            try {
                return new BigDecimal(stored.getAsString()).compareTo(new BigDecimal(given.getAsString())) == 0;
            } catch (NumberFormatException notFinite) {
                return stored.getAsString().equals(given.getAsString()); // NaN, Infinity, -Infinity
            }
        }
        return stored.equals(given);
    }

    private static Optional<String> inObjects(String path, JsonObject stored, JsonObject given) {
        TreeSet<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(given.keySet());
        for (String key : keys) {
            String field = path.isEmpty() ? key : path + "." + key;
            if (!given.has(key)) {
                return Optional.of(field + " is in config.json but not in the configuration given");
            }
            if (!stored.has(key)) {
                return Optional.of(field + " is in the configuration given but not in config.json");
            }
            Optional<String> difference = at(field, stored.get(key), given.get(key));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inArrays(String path, JsonArray stored, JsonArray given) {
        if (stored.size() != given.size()) {
            return Optional.of(name(path) + " has " + stored.size() + " items in config.json but " + given.size()
                    + " in the configuration given");
        }
        for (int i = 0; i < stored.size(); i++) {
            Optional<String> difference = at(path + "[" + i + "]", stored.get(i), given.get(i));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static String name(String path) {
        return path.isEmpty() ? "the configuration" : path;
    }
}
