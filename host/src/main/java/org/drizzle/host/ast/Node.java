package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** Every syntax tree node is an immutable record that knows where it came from. */
public interface Node {
    SourcePosition at();
}
