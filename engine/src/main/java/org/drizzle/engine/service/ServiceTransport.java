package org.drizzle.engine.service;

import java.io.IOException;

/** How clients reach the service: a Unix-domain socket on Linux, a named pipe on Windows. */
public interface ServiceTransport extends AutoCloseable {
    void start(EngineHost engine) throws IOException;

    /** Clients connected now. */
    int connections();

    /** The socket path or pipe name, for logs and status. */
    String address();

    /** Stops accepting and drops every connection. */
    @Override
    void close();
}
