package org.lotterylab.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.Lab;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardTest {

    private static Scorecard card() {
        double dense = 98.1;
        double ticket = 98.3;
        return Scorecard.of("01-lottery-ticket")
                .claim("ticket-7pct", "Tickets at ~7% match the dense network", ">= dense", ticket, ticket >= dense)
                .claim("early-stop", "Tickets stop earlier", "earlier", "round 3 of 5", false);
    }

    @Test
    void tableShowsClaimPaperOursHolds() {
        Table table = card().table();
        assertEquals(List.of("claim", "paper", "ours", "holds"), table.columnNames());
        assertEquals("98.3", table.stringColumn("ours").get(0));
        assertEquals("round 3 of 5", table.stringColumn("ours").get(1));
        assertEquals(false, table.booleanColumn("holds").get(1));
    }

    @Test
    void reRecordingAClaimReplacesIt() {
        Scorecard card = card().claim("early-stop", "Tickets stop earlier", "earlier", 3, true);
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
        assertEquals(List.of("notebook", "profile", "device", "seconds", "claims", "data"), List.copyOf(json.keySet()));
        assertEquals("01-lottery-ticket", json.get("notebook").getAsString());
        assertEquals(Lab.profile().toString(), json.get("profile").getAsString());
        assertTrue(json.get("seconds").getAsDouble() >= 5);
        JsonObject claim = json.getAsJsonArray("claims").get(0).getAsJsonObject();
        assertEquals(List.of("id", "claim", "paper", "ours", "holds"), List.copyOf(claim.keySet()));
        assertEquals(98.3, claim.get("ours").getAsDouble());
        assertTrue(claim.get("holds").getAsBoolean());
        JsonObject data = json.getAsJsonObject("data");
        assertEquals(98.2, data.getAsJsonArray("curve").get(0).getAsJsonObject().get("accuracy").getAsDouble());
        assertEquals(80, data.getAsJsonArray("remaining").get(1).getAsDouble());
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
    void notebookNamesArePlainAndAnEmptyCardHasNothingFailing() {
        assertThrows(IllegalArgumentException.class, () -> Scorecard.of("notebooks/01"));
        assertTrue(Scorecard.of("x").allHold());
        assertFalse(card().allHold());
    }
}
