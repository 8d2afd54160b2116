package org.lotterylab.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.display.RendererProvider;
import org.lotterylab.display.RendererRegistry;
import org.lotterylab.evidence.Sample;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabRenderersTest {

    private static final Registrations REGISTRY = new Registrations();

    @BeforeAll
    static void registerLikeTheKernel() {
        ServiceLoader.load(RendererProvider.class).forEach(provider -> provider.registerWith(REGISTRY));
    }

    @Test
    void theServiceFileNamesLabRenderers() {
        assertTrue(ServiceLoader.load(RendererProvider.class).stream().anyMatch(p -> p.type() == LabRenderers.class));
    }

    @Test
    void tablesRenderAsHtmlAndText() {
        Table table = Tables.of("density", Map.of("fc1", 0.25), "layer", "density");
        Map<String, String> shown = REGISTRY.render(table);
        assertTrue(shown.get("text/html").contains("<td>fc1</td>"));
        assertTrue(shown.get("text/plain").contains("fc1"));
    }

    @Test
    void tablesShowMeasuredNumbersRoundedAndKeepThemWhole() {
        Table table = Table.create("runs",
                DoubleColumn.create("seconds", 17.280187074829932, 123456.7),
                FloatColumn.create("accuracy", new float[] {0.8209999799728394f, 0.5f}),
                IntColumn.create("round", 3, 12));
        Map<String, String> shown = REGISTRY.render(table);
        assertTrue(shown.get("text/html").contains("<td style=\"text-align:right\">17.28</td><td style=\"text-align:right\">0.821</td>"),
                shown.get("text/html"));
        assertTrue(shown.get("text/html").contains(">123457</td><td style=\"text-align:right\">0.5</td><td style=\"text-align:right\">12</td>"),
                shown.get("text/html"));
        assertTrue(shown.get("text/plain").contains("17.28"), shown.get("text/plain"));
        assertEquals(17.280187074829932, table.doubleColumn("seconds").get(0), "the table keeps every digit");
        assertTrue(table.doubleColumn("seconds").getString(0).startsWith("17.2801"), "and prints them as before");
    }

    @Test
    void scorecardsRenderAsTheirTable() {
        Map<String, String> shown = REGISTRY.render(Scorecard.of("nb").claim("a", "A claim", "1", "1.0",
                Sample.of("a", Map.of(0L, 1.0, 1L, 1.5)).estimate().above(0)));
        assertTrue(shown.get("text/html").contains("<td>A claim</td>"));
        assertTrue(shown.get("text/plain").contains("A claim"));
    }

    @Test
    void chartsRenderAsPng() {
        var chart = Charts.trainingCurves("loss", "epoch", "loss").line("train", List.of(1.0, 0.5)).chart();
        byte[] png = Base64.getDecoder().decode(REGISTRY.render(chart).get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void arraysRenderAsAShortPreview() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray big = manager.arange(100_000f).reshape(1000, 100);
            String text = REGISTRY.render(big).get("text/plain");
            assertTrue(text.contains("(1000, 100)") && text.contains("float32"), text);
            assertTrue(text.length() < 2000, text.length() + " characters");
        }
    }

    /** Keeps the render functions as a kernel would, and applies every one that fits an object. */
    private static final class Registrations implements RendererRegistry {

        private final List<Registration<?>> registrations = new ArrayList<>();

        @Override
        public <T> void register(Class<T> type, String mimeType, Function<? super T, String> render) {
            registrations.add(new Registration<>(type, mimeType, render));
        }

        Map<String, String> render(Object value) {
            Map<String, String> shown = new LinkedHashMap<>();
            registrations.stream().filter(r -> r.type().isInstance(value))
                    .forEach(r -> shown.put(r.mimeType(), r.apply(value)));
            return shown;
        }
    }

    private record Registration<T>(Class<T> type, String mimeType, Function<? super T, String> render) {
        String apply(Object value) {
            return render.apply(type.cast(value));
        }
    }
}
