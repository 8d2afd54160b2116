package org.lotterylab.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.lotterylab.AtomicFiles;
import org.lotterylab.Lab;
import org.lotterylab.evidence.Evidence;
import org.lotterylab.evidence.Interval;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A notebook's reproduction scorecard: each claim of the paper with the paper's figure, ours, and
 * the verdict of our runs; the figures it reports without scoring them (they follow from the
 * configuration); and the figures behind the notebook's tables and charts. It is shown as a table
 * {@code claim | paper | ours | estimate ± 95% | n | verdict} and written to
 * {@code reports/<notebook>/results.json}.
 *
 * <pre>{@code
 * Scorecard card = Scorecard.of("01-lottery-ticket");          // first cell: the clock starts
 * ...
 * card.claim("ticket-7pct", "Tickets at ~7% weights match the dense network", "≥ dense",
 *            "ticket 98.1 vs dense 98.0", ticket.minus(dense).atLeast(-0.5))
 *     .report("cost", "Iterations per round", "50,000", iterations)
 *     .data("accuracy_vs_remaining", results)
 *     .write();
 * card.table();
 * }</pre>
 *
 * Every claim is decided by {@link Evidence} over seeds. Re-running a cell replaces a claim, figure or datum with the same key instead of adding a second one.
 */
public final class Scorecard {

    /** The file every notebook writes into its report directory. */
    public static final String RESULTS_FILE = "results.json";

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();

    private final String notebook;
    private Instant start = Instant.now();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, JsonElement> data = new LinkedHashMap<>();

    private Scorecard(String notebook) {
        this.notebook = notebook;
    }

    /**
     * Starts a scorecard; its clock starts now.
     *
     * @param notebook the notebook's name without extension, e.g. {@code 01-lottery-ticket}
     * @return an empty scorecard
     */
    public static Scorecard of(String notebook) {
        if (notebook.isBlank() || notebook.contains("/")) {
            throw new IllegalArgumentException("A scorecard needs the notebook's plain name, e.g. 01-lottery-ticket; got '"
                    + notebook + "'");
        }
        return new Scorecard(notebook);
    }

    /**
     * Counts the seconds from another moment, e.g. when the notebook's first cell ran.
     *
     * @param moment the start
     * @return this scorecard
     */
    public Scorecard startedAt(Instant moment) {
        this.start = moment;
        return this;
    }

    /**
     * Records a claim decided by per-seed evidence.
     *
     * @param id a short stable key
     * @param claim the claim in words
     * @param paper the paper's figure as the paper states it
     * @param ours our figure in the paper's terms, e.g. {@code "ticket 98.1 vs dense 98.0 (mean of 3)"}
     * @param evidence the comparison with a margin that decides it
     * @return this scorecard
     */
    public Scorecard claim(String id, String claim, String paper, String ours, Evidence evidence) {
        return add(new Claim(id, claim, paper, ours, evidence));
    }

    /**
     * Reports a figure beside the claims without scoring it: one that follows from the
     * configuration (a cost counted from the schedule, a density set by the pruning rate) and so
     * cannot fail.
     *
     * @param id a short stable key
     * @param figure what the figure is, in words
     * @param paper the paper's figure
     * @param ours ours: a number or text
     * @return this scorecard
     */
    public Scorecard report(String id, String figure, String paper, Object ours) {
        figures.put(id, new Figure(id, figure, paper, ours));
        return this;
    }

    /**
     * Records a figure behind a table or chart. A Tablesaw table is stored as a list of rows
     * ({@code {column: value}}); numbers, text, arrays, lists, maps and records as JSON does.
     *
     * @param key the datum's name in {@code data}
     * @param value the datum
     * @return this scorecard
     */
    public Scorecard data(String key, Object value) {
        data.put(key, value instanceof Table table ? rows(table) : GSON.toJsonTree(value));
        return this;
    }

    /** @return the claims, in the order first recorded */
    public List<Claim> claims() {
        return List.copyOf(claims.values());
    }

    /** @return the reported figures, in the order first recorded */
    public List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    /** @return whether every claim holds (true for no claims) */
    public boolean allHold() {
        return claims.values().stream().allMatch(Claim::holds);
    }

    /**
     * @return the table {@code claim | paper | ours | estimate ± 95% | n | verdict}: the claims, then
     *     the reported figures with the verdict "reported, not scored"
     */
    public Table table() {
        List<Row> rows = Stream.concat(
                claims.values().stream().map(c -> new Row(c.claim(), c.paper(), c.ours(), c.estimateText(),
                        Integer.toString(c.seeds()), c.verdictText())),
                figures.values().stream().map(f -> new Row(f.figure(), f.paper(), f.oursText(), "—", "—",
                        "reported, not scored")))
                .toList();
        return Table.create(notebook + " scorecard",
                column("claim", rows, Row::claim), column("paper", rows, Row::paper), column("ours", rows, Row::ours),
                column("estimate ± 95%", rows, Row::estimate), column("n", rows, Row::n),
                column("verdict", rows, Row::verdict));
    }

    /**
     * @return how each claim was decided: {@code claim | verdict | rule | estimate | 95% interval | n
     *     | fails if | note}, so a reader can check a verdict and see what outcome would have overturned it
     */
    public Table evidenceTable() {
        List<Claim> all = claims();
        return Table.create(notebook + " evidence",
                StringColumn.create("claim", all.stream().map(Claim::id)),
                StringColumn.create("verdict", all.stream().map(Claim::verdictText)),
                StringColumn.create("rule", all.stream().map(c -> c.evidence().ruleInWords())),
                StringColumn.create("estimate ± 95%", all.stream().map(Claim::estimateText)),
                StringColumn.create("95% interval", all.stream().map(c -> ends(c.evidence().estimate().interval()))),
                StringColumn.create("n", all.stream().map(c -> Integer.toString(c.seeds()))),
                StringColumn.create("fails if", all.stream().map(c -> c.evidence().failsIf())),
                StringColumn.create("note", all.stream().map(c -> c.evidence().note())));
    }

    private static String ends(Interval interval) {
        return "[" + Numbers.significant(interval.low(), 3) + ", " + Numbers.significant(interval.high(), 3) + "]";
    }

    /** One line of the table, claim or reported figure. */
    private record Row(String claim, String paper, String ours, String estimate, String n, String verdict) {}

    private static StringColumn column(String name, List<Row> rows, Function<Row, String> cell) {
        return StringColumn.create(name, rows.stream().map(cell));
    }

    /**
     * Writes {@code Lab.reportsDir()/<notebook>/results.json}, atomically.
     *
     * @return the file written
     */
    public Path write() {
        return write(Lab.reportsDir());
    }

    /**
     * Writes {@code <reportsDir>/<notebook>/results.json}, atomically.
     *
     * @param reportsDir the reports' root
     * @return the file written
     */
    public Path write(Path reportsDir) {
        Path file = reportsDir.resolve(notebook).resolve(RESULTS_FILE);
        try {
            AtomicFiles.write(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** @return the content of {@code results.json}: notebook, profile, device, seconds, claims, reported figures, data */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("notebook", notebook);
        json.addProperty("profile", Lab.profile().toString());
        json.addProperty("device", Lab.device().toString());
        json.addProperty("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        JsonArray claimArray = new JsonArray();
        claims.values().forEach(c -> claimArray.add(ClaimJson.of(c)));
        json.add("claims", claimArray);
        JsonArray figureArray = new JsonArray();
        figures.values().forEach(f -> figureArray.add(GSON.toJsonTree(f)));
        json.add("reported", figureArray);
        JsonObject dataObject = new JsonObject();
        data.forEach(dataObject::add);
        json.add("data", dataObject);
        return GSON.toJson(json);
    }

    @Override
    public String toString() {
        return table().print();
    }

    private Scorecard add(Claim claim) {
        claims.put(claim.id(), claim);
        return this;
    }

    private static JsonElement rows(Table table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column<?> column : table.columns()) {
                Object value = column.get(i);
                // Dates and other objects become text: JSON has no type for them.
                row.put(column.name(), value instanceof Number || value instanceof Boolean ? value : column.getString(i));
            }
            rows.add(row);
        }
        return GSON.toJsonTree(rows);
    }
}
