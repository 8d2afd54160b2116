package org.lotterylab.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @AfterEach
    void uninstall() {
        Display.install(null);
    }

    @Test
    void outsideAKernelDisplayPrintsTheText() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String id = Display.display(List.of(1, 2));
            Display.updateDisplay(id, "done");
            Display.clearOutput();
        } finally {
            System.setOut(console);
        }
        assertFalse(Display.isActive());
        assertEquals("[1, 2]" + System.lineSeparator() + "done" + System.lineSeparator(),
                printed.toString(StandardCharsets.UTF_8));
        assertEquals(MimeBundle.text("7"), Display.render(7));
    }

    @Test
    void aKernelsSinkGetsEveryCall() {
        List<String> calls = new ArrayList<>();
        MimeBundle html = new MimeBundle(Map.of("text/html", "<b>x</b>"), Map.of());
        Display.install(new Display.Sink() {
            @Override
            public void display(String id, Object value, String... mimes) {
                calls.add("display " + value + " " + List.of(mimes));
            }

            @Override
            public void update(String id, Object value, String... mimes) {
                calls.add("update " + value);
            }

            @Override
            public MimeBundle render(Object value, String... mimes) {
                assertArrayEquals(new String[] {"text/html"}, mimes);
                return html;
            }

            @Override
            public void clear(boolean wait) {
                calls.add("clear " + wait);
            }
        });
        assertTrue(Display.isActive());
        String id = Display.display("x", "text/html");
        Display.updateDisplay(id, "y");
        Display.clearOutput(true);
        assertSame(html, Display.render("x", "text/html"));
        assertEquals(List.of("display x [text/html]", "update y", "clear true"), calls);
    }

    @Test
    void bundlesCannotChangeAfterwards() {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("text/plain", "a"));
        MimeBundle bundle = new MimeBundle(data, Map.of());
        data.put("text/html", "<i>a</i>");
        assertEquals(Map.of("text/plain", "a"), bundle.data());
    }
}
