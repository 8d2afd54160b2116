package org.lotterylab.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question of a lab: its id, points and title, and the checks its answer must pass. Checks
 * are added in the order they run; {@link Questions#question} makes a question.
 */
public final class Question {

    /** Ids are what students type in {@code check("q3")} and what the gradebook lists. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final String id;
    private final double points;
    private final String title;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    Question(String id, double points, String title) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a question id is a letter followed by letters, digits, '_', '.' or '-', "
                    + "e.g. \"q3\"; got " + (id == null ? "null" : "\"" + id + "\""));
        }
        if (!(points > 0 && Double.isFinite(points))) {
            throw new IllegalArgumentException("question " + id + " must be worth a positive number of points, got " + points);
        }
        this.id = id;
        this.points = points;
        this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * Adds a check.
     *
     * @param name what the check verifies, as the student reads it, e.g. {@code "keeps 20% of the weights"}
     * @param check the check
     * @return this question, to add the next check
     * @throws IllegalArgumentException when the question already has a check of that name
     */
    public synchronized Question test(String name, Check check) {
        Objects.requireNonNull(check, "check");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("give the check of " + id + " a name that says what it verifies");
        }
        if (checks.putIfAbsent(name, check) != null) {
            throw new IllegalArgumentException("question " + id + " already has a check named \"" + name
                    + "\"; give each check its own name");
        }
        return this;
    }

    /** @return the id, e.g. {@code "q3"} */
    public String id() {
        return id;
    }

    /** @return what the question is worth */
    public double points() {
        return points;
    }

    /** @return what the question asks, in a few words */
    public String title() {
        return title;
    }

    /** @return how many checks the question has */
    public synchronized int checkCount() {
        return checks.size();
    }

    /** Runs every check, also after one fails, so that the report lists every hint. */
    CheckReport run() {
        List<CheckResult> results = new ArrayList<>();
        Map<String, Check> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(checks);
        }
        snapshot.forEach((name, check) -> results.add(CheckRun.of(name, check)));
        return new CheckReport(id, title, points, results);
    }

    @Override
    public String toString() {
        return String.format("%s · %s (%s points, %d checks)", id, title, Numbers.readable(points), checkCount());
    }
}
