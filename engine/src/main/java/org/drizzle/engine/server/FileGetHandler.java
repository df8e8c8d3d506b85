package org.drizzle.engine.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.drizzle.engine.transfer.ContentRange;
import org.drizzle.engine.transfer.FileRangeEntity;

/**
 * Plain GET/HEAD for the files under a virtual directory, so one server both collects uploads
 * and feeds BITS downloads: Content-Length, single byte ranges (206 + Content-Range, 416 with
 * {@code bytes *}{@code /size}), a strong ETag from size and modification time, Last-Modified,
 * and If-Range. Folders are refused (no listing); the session folder is hidden except for
 * upload-reply replies.
 */
final class FileGetHandler {

    private final VirtualDirectory vdir;

    FileGetHandler(VirtualDirectory vdir) {
        this.vdir = vdir;
    }

    void handle(String relative, ClassicHttpRequest request, ClassicHttpResponse response) throws AckException, IOException {
        Path file = resolve(relative);
        if (Files.isDirectory(file)) {
            throw new AckException(403, 0, "Directory listing is not offered.");
        }
        if (!Files.isRegularFile(file)) {
            response.setCode(404);
            return;
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attrs.size();
        Instant mtime = attrs.lastModifiedTime().toInstant();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime.toEpochMilli()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(mtime.atOffset(ZoneOffset.UTC)));
        response.setHeader("Accept-Ranges", "bytes");
        Header range = request.getFirstHeader("Range");
        boolean useRange = range != null && ifRangeHolds(request.getFirstHeader("If-Range"), etag, mtime);
        if (!useRange) {
            response.setCode(200);
            response.setEntity(FileRangeEntity.ofFile(file, 0, size));
            return;
        }
        ContentRange answer = ContentRange.answer(range.getValue(), size);
        if (answer == null) {
            response.setCode(200);
            response.setEntity(FileRangeEntity.ofFile(file, 0, size));
            return;
        }
        if (!answer.hasBytes()) {
            response.setCode(416);
            response.setHeader("Content-Range", answer.format());
            return;
        }
        response.setCode(206);
        response.setHeader("Content-Range", answer.format());
        response.setEntity(FileRangeEntity.ofFile(file, answer.first(), answer.length()));
    }

    private Path resolve(String relative) throws AckException {
        java.util.List<String> names = RemotePaths.segments(relative);
        boolean reply = names.size() == 4 && RemotePaths.isSessionsFolder(names.get(0))
                && names.get(1).equals(SessionStore.REPLIES) && names.get(3).equals(SessionStore.REPLY_FILE);
        return RemotePaths.resolve(vdir.root(), relative, reply);
    }

    /** If-Range: the range applies only while the validator still matches. */
    private static boolean ifRangeHolds(Header ifRange, String etag, Instant mtime) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.getValue().trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        try {
            Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
            return since.getEpochSecond() == mtime.getEpochSecond();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
