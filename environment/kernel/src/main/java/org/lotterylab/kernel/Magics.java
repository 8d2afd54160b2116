package org.lotterylab.kernel;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The registry of magics by name; an unknown name is an error that lists the known ones. */
final class Magics {

    private final Map<String, LineMagic> lineMagics = new TreeMap<>();
    private final Map<String, CellMagic> cellMagics = new TreeMap<>();

    /**
     * @param name the name used after {@code %}
     * @param magic what it does
     * @return this registry
     */
    Magics line(String name, LineMagic magic) {
        lineMagics.put(name, magic);
        return this;
    }

    /**
     * @param name the name used after {@code %%}
     * @param magic what it does
     * @return this registry
     */
    Magics cell(String name, CellMagic magic) {
        cellMagics.put(name, magic);
        return this;
    }

    /**
     * @param name a line magic's name
     * @return the magic
     * @throws MagicException when no line magic has that name
     */
    LineMagic lineMagic(String name) throws MagicException {
        LineMagic magic = lineMagics.get(name);
        if (magic == null) {
            throw new MagicException("unknown line magic %" + name + ". " + describe());
        }
        return magic;
    }

    /**
     * @param name a cell magic's name
     * @return the magic
     * @throws MagicException when no cell magic has that name
     */
    CellMagic cellMagic(String name) throws MagicException {
        CellMagic magic = cellMagics.get(name);
        if (magic == null) {
            throw new MagicException("unknown cell magic %%" + name + ". " + describe());
        }
        return magic;
    }

    /** @return the known magics, as {@code %lsmagic} prints them */
    String describe() {
        return "Line magics: " + names("%", lineMagics) + "; cell magics: " + names("%%", cellMagics) + ".";
    }

    private static String names(String prefix, Map<String, ?> magics) {
        return magics.keySet().stream().map(name -> prefix + name).collect(Collectors.joining(" "));
    }
}
