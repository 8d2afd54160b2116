package org.lotterylab.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.kernel.RendererProvider;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabRenderersTest {

    private static final Renderer RENDERER = new Renderer();

    @BeforeAll
    static void registerLikeTheKernel() {
        ServiceLoader.load(RendererProvider.class).forEach(provider -> provider.registerWith(RENDERER));
    }

    @Test
    void theServiceFileNamesLabRenderers() {
        assertTrue(ServiceLoader.load(RendererProvider.class).stream().anyMatch(p -> p.type() == LabRenderers.class));
    }

    @Test
    void tablesRenderAsHtmlAndText() {
        Table table = Tables.of("density", java.util.Map.of("fc1", 0.25), "layer", "density");
        DisplayData data = RENDERER.render(table);
        assertTrue(data.getData(MIMEType.TEXT_HTML).toString().contains("<td>fc1</td>"));
        assertTrue(data.getData(MIMEType.TEXT_PLAIN).toString().contains("fc1"));
    }

    @Test
    void scorecardsRenderAsTheirTable() {
        DisplayData data = RENDERER.render(Scorecard.of("nb").claim("a", "A claim", "1", 1.0, true));
        assertTrue(data.getData(MIMEType.TEXT_HTML).toString().contains("<td>A claim</td>"));
    }

    @Test
    void chartsRenderAsPng() {
        var chart = Charts.trainingCurves("loss", "epoch", "loss").line("train", List.of(1.0, 0.5)).chart();
        byte[] png = Base64.getDecoder().decode(RENDERER.render(chart).getData(MIMEType.IMAGE_PNG).toString());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void arraysRenderAsAShortPreview() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray big = manager.arange(100_000f).reshape(1000, 100);
            String text = RENDERER.render(big).getData(MIMEType.TEXT_PLAIN).toString();
            assertTrue(text.contains("(1000, 100)") && text.contains("float32"), text);
            assertTrue(text.length() < 2000, text.length() + " characters");
        }
    }
}
