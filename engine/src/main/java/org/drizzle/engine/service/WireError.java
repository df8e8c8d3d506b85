package org.drizzle.engine.service;

import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;

/**
 * An error reply: the BITS HRESULT, its symbolic name and hex form, and the message.
 *
 * @param hresult for example "0x80070005"
 */
public record WireError(int code, String name, String hresult, String message) {

    public static WireError of(int code, String message) {
        return new WireError(code, ErrorCodes.name(code), ErrorCodes.hex(code), message);
    }

    public static WireError of(BitsException e) {
        return of(e.code(), e.getMessage());
    }

    public BitsException toException() {
        return new BitsException(code, message);
    }
}
