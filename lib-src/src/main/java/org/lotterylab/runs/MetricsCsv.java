package org.lotterylab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lotterylab.AtomicFiles;

/**
 * A run's {@code metrics.csv}: one row per epoch or round, with the columns of its first row.
 *
 * <p>Files are small (hundreds of rows), so an append rewrites the whole file atomically: a crash
 * never leaves half a row. Values are numbers or plain words; text with commas, quotes or line
 * breaks is refused rather than quoted, which keeps the file trivially readable by any tool.
 */
final class MetricsCsv {

    private final Path file;

    MetricsCsv(Path file) {
        this.file = file;
    }

    void append(Map<String, ?> row) throws IOException {
        List<String> lines = lines();
        String header = String.join(",", row.keySet());
        if (lines.isEmpty()) {
            lines.add(header);
        } else if (!lines.get(0).equals(header)) {
            throw new IllegalArgumentException("metrics row has columns [" + header + "] but " + file
                    + " has [" + lines.get(0) + "]: every row of a run must have the same columns in the same order");
        }
        List<String> cells = new ArrayList<>();
        row.values().forEach(value -> cells.add(cell(value)));
        lines.add(String.join(",", cells));
        save(lines);
    }

    /** Keeps the header and the rows whose value in {@code column} passes {@code keep}. */
    void retain(String column, Predicate<String> keep) throws IOException {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return;
        }
        int index = List.of(lines.get(0).split(",", -1)).indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column '" + column + "'; its columns are " + lines.get(0));
        }
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(line -> keep.test(line.split(",", -1)[index])).forEach(kept::add);
        save(kept);
    }

    List<String> lines() throws IOException {
        return Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
    }

    private void save(List<String> lines) throws IOException {
        AtomicFiles.write(file, String.join("\n", lines) + "\n");
    }

    private static String cell(Object value) {
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            throw new IllegalArgumentException("metric value '" + text
                    + "' contains a comma, quote or line break; metrics hold numbers or plain words");
        }
        return text;
    }
}
