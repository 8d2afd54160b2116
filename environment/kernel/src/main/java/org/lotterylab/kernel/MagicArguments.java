package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a magic's arguments at white space; double quotes keep a path with spaces together. */
final class MagicArguments {

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private MagicArguments() {}

    /**
     * @param arguments e.g. {@code lib/*.jar "my dir/x.jar"}
     * @return the tokens, quotes removed
     */
    static List<String> split(String arguments) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(arguments);
        while (matcher.find()) {
            tokens.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return tokens;
    }
}
