package org.lotterylab.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.lang.reflect.Type;
import java.util.Map;
import org.lotterylab.display.MimeBundle;

/**
 * Converts between the display API's {@link MimeBundle} and the base kernel's {@link DisplayData}.
 * A {@code DisplayData} shows its maps only to Gson (the base kernel writes it into messages that
 * way), so Gson reads them out; numbers stay integers where they were.
 */
final class MimeBundles {

    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();

    private MimeBundles() {}

    /**
     * @param rendered what the base kernel's renderer made
     * @return its data and metadata, the display id left out
     */
    static MimeBundle of(DisplayData rendered) {
        JsonObject json = GSON.toJsonTree(rendered).getAsJsonObject();
        Map<String, Object> data = GSON.fromJson(json.get("data"), MAP);
        Map<String, Object> metadata = GSON.fromJson(json.get("metadata"), MAP);
        return new MimeBundle(data, metadata);
    }

    /**
     * @param bundle a bundle from the display API
     * @return the same data and metadata, for a notebook message
     */
    static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData rendered = new DisplayData();
        bundle.data().forEach(rendered::putData);
        bundle.metadata().forEach(rendered::putMetaData);
        return rendered;
    }
}
