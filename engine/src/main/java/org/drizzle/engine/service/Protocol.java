package org.drizzle.engine.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Protocol constants and the one Jackson mapper both ends use. */
public final class Protocol {
    /** Bumped on any incompatible change; a mismatch is BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH. */
    public static final int VERSION = 1;
    /** Lost connection to the service (RPC_E_DISCONNECTED, as a COM client of BITS would see). */
    public static final int RPC_E_DISCONNECTED = 0x80010108;
    /** The service refused a connection over its caps (RPC_S_SERVER_TOO_BUSY as an HRESULT). */
    public static final int RPC_S_SERVER_TOO_BUSY = 0x800706BB;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Protocol() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
