package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    @Test
    void everythingHasText() {
        assertEquals("[a, b]", HARNESS.ok("List.of(\"a\", \"b\")").text());
    }

    @Test
    void bufferedImageBecomesPng() {
        DisplayData result = HARNESS.ok("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)").result();
        byte[] png = Base64.getDecoder().decode((String) result.getData(MIMEType.IMAGE_PNG));
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void providersFromTheClassPathRenderTheRealObject() {
        DisplayData result = HARNESS.ok("new org.lotterylab.kernel.TestGreeting(\"lab\")").result();
        assertEquals("<b>Hello lab</b>", result.getData(MIMEType.TEXT_HTML));
    }

    @Test
    void renderAndDisplayUseTheKernelsRenderers() {
        DisplayData html = HARNESS.ok("render(new org.lotterylab.kernel.TestGreeting(\"x\"), \"text/html\")").result();
        assertEquals("<b>Hello x</b>", html.getData(MIMEType.TEXT_HTML));
        assertTrue(HARNESS.ok("display(\"shown\")").text().matches("[0-9a-f-]{36}"));
    }
}
