package org.drizzle.engine.job;

/** Reason phrases for the HTTP statuses BITS errors mention. */
final class HttpStatusText {
    private HttpStatusText() {
    }

    static String of(int status) {
        return switch (status) {
            case 200 -> "The server's response was not valid. The server was probably not a BITS server";
            case 400 -> "The request could not be processed by the server due to invalid syntax";
            case 401 -> "The requested resource requires user authentication";
            case 403 -> "The server understood the request, but is refusing to fulfill it";
            case 404 -> "The requested URL does not exist on the server";
            case 405 -> "The HTTP verb used is not allowed";
            case 407 -> "Proxy authentication is required";
            case 408 -> "The server timed out waiting for the request";
            case 409 -> "The request could not be completed due to a conflict with the current state of the resource";
            case 410 -> "The requested resource is no longer available at the server";
            case 411 -> "The server refused to accept the request without a defined content length";
            case 413 -> "The server is refusing to process a request because the request is too large";
            case 416 -> "The requested range is not satisfiable";
            case 429 -> "Too many requests";
            case 500 -> "An unexpected condition prevented the server from fulfilling the request";
            case 501 -> "The server does not support the functionality required to fulfill the request";
            case 502 -> "The server, while acting as a gateway or proxy, received an invalid response";
            case 503 -> "The service is temporarily overloaded";
            case 504 -> "The request was timed out waiting for a gateway";
            default -> "The server returned status " + status;
        };
    }
}
