package org.lotterylab.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object rendered for a notebook: its representations by MIME type, as Jupyter's
 * {@code display_data} carries them ({@code "text/plain"} to a string, {@code "image/png"} to base64
 * text, ...), and the metadata that goes with them. A cell that ends with a bundle shows it.
 *
 * @param data each MIME type's representation
 * @param metadata what the notebook needs besides, e.g. an image's size, keyed by MIME type
 */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    /** The MIME type every bundle has: the object's text. */
    public static final String TEXT_PLAIN = "text/plain";

    /**
     * @param data each MIME type's representation
     * @param metadata what the notebook needs besides, keyed by MIME type
     */
    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * @param text the object's text
     * @return a bundle with the text only
     */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT_PLAIN, text), Map.of());
    }
}
