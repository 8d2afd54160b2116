package org.lotterylab.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.lotterylab.evidence.Estimate;
import org.lotterylab.evidence.Evidence;
import org.lotterylab.evidence.Interval;
import org.lotterylab.evidence.Sample;

/**
 * A claim as {@code results.json} records it: what a program comparing runs needs to re-check the
 * verdict (the per-seed values, the interval, the margin, the rule) and what a reader needs to
 * judge it (the rule in words, the outcome that would fail it).
 *
 * <pre>{@code
 * {"id": "ticket-7pct", "claim": "…", "paper": "≥ dense", "ours": "98.1 vs 98.0",
 *  "holds": true, "verdict": "holds", "n": 3, "estimate": 0.12, "interval": [-0.1, 0.34],
 *  "margin": -0.5, "rule": "ticket − dense ≥ -0.5", "fails_if": "…", "method": "paired over 3 seeds, …",
 *  "values": {"ticket": {"0": 98.2, …}, "dense": {…}, "ticket − dense": {…}}}
 * }</pre>

 */
final class ClaimJson {

    private ClaimJson() {}

    static JsonObject of(Claim claim) {
        JsonObject json = new JsonObject();
        json.addProperty("id", claim.id());
        json.addProperty("claim", claim.claim());
        json.addProperty("paper", claim.paper());
        json.addProperty("ours", claim.ours());
        json.addProperty("holds", claim.holds());
        json.addProperty("verdict", claim.verdict().label());
        addEvidence(json, claim.evidence());
        return json;
    }

    private static void addEvidence(JsonObject json, Evidence evidence) {
        addEstimate(json, evidence.estimate());
        json.addProperty("margin", evidence.rule().margin());
        json.addProperty("rule", evidence.ruleInWords());
        json.addProperty("fails_if", evidence.failsIf());
        if (!evidence.note().isEmpty()) {
            json.addProperty("note", evidence.note());
        }
        if (!evidence.parts().isEmpty()) {
            JsonArray parts = new JsonArray();
            for (Evidence part : evidence.parts()) {
                JsonObject partJson = new JsonObject();
                partJson.addProperty("quantity", part.estimate().quantity());
                partJson.addProperty("verdict", part.verdict().label());
                addEstimate(partJson, part.estimate());
                parts.add(partJson);
            }
            json.add("parts", parts);
        }
    }

    private static void addEstimate(JsonObject json, Estimate estimate) {
        json.addProperty("n", estimate.n());
        json.addProperty("estimate", estimate.value());
        Interval interval = estimate.interval();
        JsonArray ends = new JsonArray();
        ends.add(interval.low());
        ends.add(interval.high());
        json.add("interval", ends);
        json.addProperty("method", estimate.method());
        JsonObject values = new JsonObject();
        for (Sample sample : estimate.samples()) {
            JsonObject bySeed = new JsonObject();
            sample.values().forEach((seed, value) -> bySeed.addProperty(Long.toString(seed), value));
            values.add(sample.name(), bySeed);
        }
        json.add("values", values);
    }
}
