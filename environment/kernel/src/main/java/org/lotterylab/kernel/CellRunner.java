package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a whole cell: a {@code %%} cell magic on the first line takes the cell; otherwise lines
 * starting with {@code %name} are line magics, run in order with the Java code around them.
 */
final class CellRunner {

    private final JavaEvaluator java;
    private final Magics magics;

    CellRunner(JavaEvaluator java, Magics magics) {
        this.java = java;
        this.magics = magics;
    }

    /**
     * @param cell the cell
     * @return the value of the cell's last expression, if the cell ends with one
     * @throws Exception when code or a magic fails
     */
    Optional<CellValue> run(CellSource cell) throws Exception {
        String text = cell.text();
        if (text.startsWith("%%")) {
            int end = text.indexOf('\n');
            String header = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : "\n" + text.substring(end + 1);
            Invocation magic = Invocation.parse(header.substring(2));
            return magics.cellMagic(magic.name()).run(magic.arguments(), new CellSource(cell.label(), body), this);
        }
        return runLines(cell);
    }

    // Java between magic lines runs as one chunk, padded with blank lines so that errors still
    // name the cell's own line numbers. Every chunk is parsed, and every magic looked up, before
    // anything runs: a typo anywhere in the cell stops all of it.
    private Optional<CellValue> runLines(CellSource cell) throws Exception {
        String[] lines = cell.text().split("\n", -1);
        List<Step> steps = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (isMagicLine(lines[i])) {
                steps.add(Step.java(java.parse(new CellSource(cell.label(), chunk.toString()))));
                chunk.setLength(0);
                chunk.append("\n".repeat(i + 1));
                Invocation magic = Invocation.parse(lines[i].substring(1));
                steps.add(Step.magic(magics.lineMagic(magic.name()), magic.arguments()));
            } else {
                chunk.append(lines[i]).append('\n');
            }
        }
        steps.add(Step.java(java.parse(new CellSource(cell.label(), chunk.toString()))));
        Optional<CellValue> last = Optional.empty();
        boolean ran = false;
        for (Step step : steps) {
            if (step.code() != null) {
                last = java.run(step.code(), ran);
                ran |= !step.code().snippets().isEmpty();
            } else {
                step.magic().run(step.arguments());
                ran = true;
            }
        }
        return last;
    }

    /** A chunk of Java or a line magic with its arguments, in the cell's order. */
    private record Step(ParsedCell code, LineMagic magic, String arguments) {
        static Step java(ParsedCell code) {
            return new Step(code, null, null);
        }

        static Step magic(LineMagic magic, String arguments) {
            return new Step(null, magic, arguments);
        }
    }

    private static boolean isMagicLine(String line) {
        return line.length() > 1 && line.charAt(0) == '%' && Character.isLetter(line.charAt(1));
    }

    /** A magic's name and the rest of its line. */
    private record Invocation(String name, String arguments) {
        static Invocation parse(String line) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            return space < 0
                    ? new Invocation(trimmed, "")
                    : new Invocation(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
        }
    }
}
