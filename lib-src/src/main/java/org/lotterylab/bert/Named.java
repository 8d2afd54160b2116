package org.lotterylab.bert;

import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;

/**
 * A block whose children keep the names they are given, so that parameter paths read like
 * Hugging Face's ({@code attention.self.query.weight}). DJL's {@code addChildBlock} would prefix
 * them with a counter ({@code 01query}), which breaks the names the import maps onto.
 */
abstract class Named extends AbstractBlock {

    /** Adds a child under {@code name} and returns it. */
    protected final <B extends Block> B child(String name, B block) {
        children.add(name, block);
        return block;
    }
}
