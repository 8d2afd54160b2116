package org.lotterylab.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.Lab;
import org.lotterylab.evidence.Evidence;
import org.lotterylab.evidence.Sample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardTest {

    /** A claim that holds (a number of ours) and one that fails (text of ours). */
    private static Scorecard card() {
        return Scorecard.of("01-lottery-ticket")
                .claim("ticket-7pct", "Tickets at ~7% match the dense network", ">= dense", "98.3", ticketVsDense())
                .claim("early-stop", "Tickets stop earlier", "earlier", "round 3 of 5", stopsLater());
    }

    /** Ticket's early-stop round − dense's per seed: +1, +2, +1.5, an interval well above 0. */
    private static Evidence stopsLater() {
        return Sample.of("ticket − dense stop", Map.of(0L, 1.0, 1L, 2.0, 2L, 1.5)).estimate().below(0);
    }

    /** Ticket − dense per seed: +0.1, +0.2, +0.3 points, an interval well above −0.5. */
    private static Evidence ticketVsDense() {
        Sample ticket = Sample.of("ticket", Map.of(0L, 98.2, 1L, 98.3, 2L, 98.4));
        Sample dense = Sample.of("dense", Map.of(0L, 98.1, 1L, 98.1, 2L, 98.1));
        return ticket.minus(dense).atLeast(-0.5);
    }

    @Test
    void tableShowsClaimPaperOursEstimateSeedsAndVerdict() {
        Table table = card().claim("seeded", "Tickets match dense over seeds", "≥ dense", "98.3 vs 98.1", ticketVsDense())
                .report("cost", "Iterations per round", "50,000", 1_000).table();
        assertEquals(List.of("claim", "paper", "ours", "estimate ± 95%", "n", "verdict"), table.columnNames());
        assertEquals("98.3", table.stringColumn("ours").get(0));
        assertEquals("round 3 of 5", table.stringColumn("ours").get(1));
        assertEquals("fails", table.stringColumn("verdict").get(1));
        assertEquals("3", table.stringColumn("n").get(1));
        assertEquals("holds", table.stringColumn("verdict").get(2));
        assertEquals("3", table.stringColumn("n").get(2));
        // Differences 0.1, 0.2, 0.3 (up to float rounding): mean 0.2, half-width t(0.975, 2) · 0.1 / √3 ≈ 0.248.
        assertEquals("+0.2 ± 0.25", table.stringColumn("estimate ± 95%").get(2));
        assertEquals("reported, not scored", table.stringColumn("verdict").get(3));
        assertEquals("1000", table.stringColumn("ours").get(3));
    }

    @Test
    void reRecordingAClaimReplacesIt() {
        Scorecard card = card().claim("early-stop", "Tickets stop earlier", "earlier", "3", ticketVsDense());
        assertEquals(2, card.claims().size());
        assertTrue(card.allHold());
    }

    @Test
    void jsonHoldsTheRunClaimsAndData() {
        Table curve = Table.create("curve", StringColumn.create("method", "IMP"), DoubleColumn.create("accuracy", 98.2));
        String text = card().startedAt(Instant.now().minusSeconds(5))
                .data("dense_accuracy", 98.1)
                .data("curve", curve)
                .data("remaining", new double[] {100, 80})
                .toJson();
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(List.of("notebook", "profile", "device", "seconds", "claims", "reported", "data"), List.copyOf(json.keySet()));
        assertEquals("01-lottery-ticket", json.get("notebook").getAsString());
        assertEquals(Lab.profile().toString(), json.get("profile").getAsString());
        assertTrue(json.get("seconds").getAsDouble() >= 5);
        JsonObject claim = json.getAsJsonArray("claims").get(0).getAsJsonObject();
        assertEquals("98.3", claim.get("ours").getAsString());
        assertTrue(claim.get("holds").getAsBoolean());
        assertEquals("holds", claim.get("verdict").getAsString());
        assertFalse(json.getAsJsonArray("claims").get(1).getAsJsonObject().get("holds").getAsBoolean());
        JsonObject data = json.getAsJsonObject("data");
        assertEquals(98.2, data.getAsJsonArray("curve").get(0).getAsJsonObject().get("accuracy").getAsDouble());
        assertEquals(80, data.getAsJsonArray("remaining").get(1).getAsDouble());
    }

    @Test
    void jsonRecordsEveryClaimsEvidenceAndTheReportedFigures() {
        String text = Scorecard.of("01-lottery-ticket")
                .claim("seeded", "Tickets match dense over seeds", "≥ dense", "98.3 vs 98.1", ticketVsDense())
                .report("cost", "Iterations per round", "50,000", 1_000)
                .toJson();
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        JsonObject claim = json.getAsJsonArray("claims").get(0).getAsJsonObject();
        assertEquals(List.of("id", "claim", "paper", "ours", "holds", "verdict", "n", "estimate", "interval", "method",
                "values", "margin", "rule", "fails_if"), List.copyOf(claim.keySet()));
        assertEquals("holds", claim.get("verdict").getAsString());
        assertEquals(3, claim.get("n").getAsInt());
        assertEquals(-0.5, claim.get("margin").getAsDouble());
        assertEquals("ticket − dense ≥ -0.5", claim.get("rule").getAsString());
        assertTrue(claim.get("fails_if").getAsString().contains("below -0.5"));
        assertEquals(2, claim.getAsJsonArray("interval").size());
        JsonObject values = claim.getAsJsonObject("values");
        assertEquals(List.of("ticket", "dense", "ticket − dense"), List.copyOf(values.keySet()));
        assertEquals(98.3, values.getAsJsonObject("ticket").get("1").getAsDouble());
        JsonObject figure = json.getAsJsonArray("reported").get(0).getAsJsonObject();
        assertEquals("cost", figure.get("id").getAsString());
        assertEquals(1000, figure.get("ours").getAsInt());
    }

    @Test
    void writeReplacesResultsJsonInTheNotebooksDirectory(@TempDir Path reports) throws IOException {
        Path first = card().write(reports);
        Path second = card().data("x", 1).write(reports);
        assertEquals(reports.resolve("01-lottery-ticket/results.json"), second);
        assertEquals(first, second);
        assertTrue(Files.readString(second).contains("\"x\": 1"));
        try (var files = Files.list(second.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void evidenceTableSaysHowEachClaimWasDecided() {
        Table table = card().claim("seeded", "Tickets match dense over seeds", "≥ dense", "98.3 vs 98.1", ticketVsDense())
                .evidenceTable();
        assertEquals(List.of("claim", "verdict", "rule", "estimate ± 95%", "95% interval", "n", "fails if", "note"),
                table.columnNames());
        assertEquals(List.of("ticket-7pct", "early-stop", "seeded"), table.stringColumn("claim").asList());
        assertEquals("ticket − dense ≥ -0.5", table.stringColumn("rule").get(2));
        assertTrue(table.stringColumn("fails if").get(1).contains("0"), table.stringColumn("fails if").get(1));
        assertTrue(table.stringColumn("95% interval").get(2).matches("\\[-0\\.0\\d+, 0\\.4\\d+\\]"), table.stringColumn("95% interval").get(2));
    }

    @Test
    void anInconclusiveClaimDoesNotHold() {
        Sample flat = Sample.of("gap", Map.of(0L, -0.1, 1L, 0.0, 2L, 0.1));
        Scorecard card = Scorecard.of("x").claim("open", "A gap", "> 0", "0", flat.estimate().above(0));
        assertFalse(card.allHold());
        assertEquals("inconclusive", card.table().stringColumn("verdict").get(0));
    }

    @Test
    void notebookNamesArePlainAndAnEmptyCardHasNothingFailing() {
        assertThrows(IllegalArgumentException.class, () -> Scorecard.of("notebooks/01"));
        assertTrue(Scorecard.of("x").allHold());
        assertFalse(card().allHold());
    }
}
