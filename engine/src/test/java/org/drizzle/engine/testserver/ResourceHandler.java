package org.drizzle.engine.testserver;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Answers requests for the resources of one {@link FaultServer}: faults first (redirect,
 * authentication, injected status), then HEAD/GET with Range, If-Range and validators.
 */
final class ResourceHandler implements HttpRequestHandler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private final FaultServer server;

    ResourceHandler(FaultServer server) {
        this.server = server;
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) {
        String path = request.getPath();
        int query = path.indexOf('?');
        Resource resource = server.find(query >= 0 ? path.substring(0, query) : path);
        if (resource == null) {
            response.setCode(404);
            return;
        }
        boolean viaProxy = server.isForeignHost(value(request, "Host"));
        resource.record(new RecordedRequest(request.getMethod(), request.getRequestUri(), headers(request), viaProxy));
        if (viaProxy && server.proxyUser != null && !AuthCheck.accepts("Basic", server.proxyUser, server.proxyPassword,
                request.getMethod(), value(request, "Proxy-Authorization"))) {
            response.setCode(407);
            response.setHeader("Proxy-Authenticate", AuthCheck.challenge("Basic"));
            response.setEntity(new StringEntity("proxy authentication required"));
            return;
        }
        if (resource.redirectLocation != null) {
            response.setCode(resource.redirectStatus);
            response.setHeader("Location", resource.redirectLocation);
            return;
        }
        if (resource.authScheme != null && !AuthCheck.accepts(resource.authScheme, resource.authUser,
                resource.authPassword, request.getMethod(), value(request, "Authorization"))) {
            response.setCode(401);
            response.setHeader("WWW-Authenticate", AuthCheck.challenge(resource.authScheme));
            response.setEntity(new StringEntity("authentication required"));
            return;
        }
        if (resource.failsLeft.get() > 0 && resource.failsLeft.getAndDecrement() > 0) {
            response.setCode(resource.failStatus);
            if (resource.retryAfter != null) {
                response.setHeader("Retry-After", resource.retryAfter);
            }
            response.setEntity(new StringEntity("fault injected: status " + resource.failStatus));
            return;
        }
        Resource.Version version = resource.version();
        long size = version.content().length();
        validators(resource, version, response);
        if (resource.ranges) {
            response.setHeader("Accept-Ranges", "bytes");
        }
        if ("HEAD".equals(request.getMethod())) {
            head(resource, version, response);
            return;
        }
        long start = 0;
        long end = size - 1;
        String range = value(request, "Range");
        if (range != null && resource.ranges && ifRangeMatches(value(request, "If-Range"), resource, version)) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                response.setCode(416);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (start >= size || start > end) {
                response.setCode(416);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            response.setCode(206);
            response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } else {
            response.setCode(200);
        }
        long cut = -1;
        if (resource.resetsLeft.get() > 0 && resource.resetsLeft.getAndDecrement() > 0) {
            cut = resource.resetAfter;
            response.setHeader("Connection", "close");
        }
        java.net.SocketAddress client = HttpCoreContext.cast(context).getEndpointDetails().getRemoteAddress();
        response.setEntity(new FaultEntity(resource, version.content(), start, end - start + 1, resource.contentLength, cut,
                () -> server.abort(client)));
    }

    private static void head(Resource resource, Resource.Version version, ClassicHttpResponse response) {
        if (resource.headStatus != 0) {
            response.setCode(resource.headStatus);
            return;
        }
        response.setCode(200);
        // The entity only declares the headers: the server never sends a body to HEAD.
        response.setEntity(new FaultEntity(resource, version.content(), 0, version.content().length(),
                resource.contentLength, -1, () -> { }));
    }

    private static void validators(Resource resource, Resource.Version version, ClassicHttpResponse response) {
        switch (resource.etag) {
            case STRONG -> response.setHeader("ETag", version.etagValue());
            case WEAK -> response.setHeader("ETag", "W/" + version.etagValue());
            case NONE -> { }
        }
        if (resource.lastModified) {
            response.setHeader("Last-Modified", HTTP_DATE.format(version.modified()));
        }
    }

    /** RFC 9110 §13.1.5: a strong ETag must match exactly; a date must equal Last-Modified. */
    private static boolean ifRangeMatches(String ifRange, Resource resource, Resource.Version version) {
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"")) {
            return resource.etag == Etag.STRONG && ifRange.equals(version.etagValue());
        }
        if (ifRange.startsWith("W/")) {
            return false;
        }
        return resource.lastModified && ifRange.equals(HTTP_DATE.format(version.modified()));
    }

    private static String value(ClassicHttpRequest request, String name) {
        Header h = request.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static Map<String, String> headers(ClassicHttpRequest request) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : request.getHeaders()) {
            map.merge(h.getName().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
        }
        return map;
    }
}
