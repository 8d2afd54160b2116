package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.display.MimeBundle;

class MimeBundlesTest {

    @Test
    void dataAndMetadataCrossOverBothWays() {
        DisplayData rendered = new DisplayData("a picture");
        rendered.putData(MIMEType.IMAGE_PNG, "iVBORw0K");
        rendered.putMetaData(MIMEType.IMAGE_PNG, Map.of("width", 4));
        rendered.setDisplayId("not part of the bundle");

        MimeBundle bundle = MimeBundles.of(rendered);
        assertEquals(Map.of("text/plain", "a picture", "image/png", "iVBORw0K"), bundle.data());
        assertEquals(Map.of("image/png", Map.of("width", 4L)), bundle.metadata());

        DisplayData back = MimeBundles.toDisplayData(bundle);
        assertEquals("a picture", back.getData(MIMEType.TEXT_PLAIN));
        assertEquals("iVBORw0K", back.getData(MIMEType.IMAGE_PNG));
        assertEquals(bundle, MimeBundles.of(back));
    }
}
