package org.drizzle.cmdlets.utility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.management.FileItem;

/**
 * -Form of the web cmdlets: a multipart/form-data body from a hashtable, as PowerShell 7 builds it —
 * each key a field; a file (Get-Item's object) sent as its content with its name; a collection
 * sent as the same field once per element; anything else as its text.
 */
final class WebForm {
    /** The body and its Content-Type (with the boundary). */
    record Body(byte[] bytes, String contentType) {
    }

    private WebForm() {
    }

    static Body of(Map<?, ?> form) {
        MultipartEntityBuilder b = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .setCharset(StandardCharsets.UTF_8);
        form.forEach((k, v) -> {
            String field = LanguagePrimitives.toStr(k);
            for (Object item : LanguagePrimitives.isEnumerable(v) ? LanguagePrimitives.toList(v) : java.util.List.of(v)) {
                if (item instanceof FileItem f) {
                    if (!java.nio.file.Files.isRegularFile(f.path())) {
                        throw new IllegalArgumentException("Cannot find path '" + f.path() + "' because it does not exist.");
                    }
                    b.addBinaryBody(field, f.path().toFile(), ContentType.APPLICATION_OCTET_STREAM,
                            f.path().getFileName().toString());
                } else {
                    b.addTextBody(field, item == null ? "" : LanguagePrimitives.toStr(item),
                            ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
                }
            }
        });
        HttpEntity e = b.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.writeTo(out);
        } catch (IOException x) {
            throw new IllegalArgumentException("A file of -Form could not be read.", x);
        }
        return new Body(out.toByteArray(), e.getContentType());
    }
}
