package org.drizzle.engine.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One upload virtual directory: a URL prefix mapped to a root folder with the IIS BITS
 * extension's knobs (BITSUploadEnabled, BITSMaximumUploadSize, BITSAllowOverwrites,
 * BITSSessionTimeout, BITSServerNotificationType/URL).
 *
 * @param prefix          URL path prefix, "/" or "/name" (no trailing slash)
 * @param maxUploadSize   largest accepted upload in bytes (Long.MAX_VALUE = no limit; default 4 GiB)
 * @param notificationUrl back-end URL for upload-reply; relative URLs resolve against the upload URL
 */
public record VirtualDirectory(String prefix, Path root, boolean uploadsEnabled, long maxUploadSize,
                               boolean allowOverwrites, Duration sessionTimeout,
                               NotificationType notificationType, URI notificationUrl) {
    /** BITSSessionTimeout default: 1,209,600 s. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofDays(14);
    /**
     * Drizzle's default BITSMaximumUploadSize, 4 GiB: IIS has no limit, but a server open to the
     * network bounds what one anonymous upload can make it store.
     */
    public static final long DEFAULT_MAX_UPLOAD_SIZE = 4L << 30;
    /** Windows caps NotificationURL at 2,200 characters. */
    public static final int MAX_NOTIFICATION_URL = 2200;

    public VirtualDirectory {
        if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))) {
            throw new IllegalArgumentException("Virtual directory prefix '" + prefix + "' must start with '/' and not end with one.");
        }
        if (maxUploadSize < 0) {
            throw new IllegalArgumentException("Maximum upload size " + maxUploadSize + " is negative.");
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("Session timeout " + sessionTimeout + " must be positive.");
        }
        if (notificationType != NotificationType.NONE) {
            if (notificationUrl == null) {
                throw new IllegalArgumentException("Notification type " + notificationType + " needs a notification URL.");
            }
            String scheme = notificationUrl.getScheme();
            if (scheme != null && !scheme.toLowerCase(Locale.ROOT).equals("http")) {
                throw new IllegalArgumentException("Notification URL '" + notificationUrl + "' must use http (BITS does not notify over https).");
            }
            if (notificationUrl.toString().length() > MAX_NOTIFICATION_URL) {
                throw new IllegalArgumentException("Notification URL is longer than " + MAX_NOTIFICATION_URL + " characters.");
            }
        }
        root = root.toAbsolutePath().normalize();
    }

    /** An upload directory with the defaults: uploads on, at most 4 GiB per upload, no overwrite, 14 days, no notification. */
    public static VirtualDirectory of(String prefix, Path root) {
        return new VirtualDirectory(prefix, root, true, DEFAULT_MAX_UPLOAD_SIZE, false, DEFAULT_SESSION_TIMEOUT,
                NotificationType.NONE, null);
    }

    public VirtualDirectory withUploadsEnabled(boolean enabled) {
        return new VirtualDirectory(prefix, root, enabled, maxUploadSize, allowOverwrites, sessionTimeout, notificationType, notificationUrl);
    }

    public VirtualDirectory withMaxUploadSize(long bytes) {
        return new VirtualDirectory(prefix, root, uploadsEnabled, bytes, allowOverwrites, sessionTimeout, notificationType, notificationUrl);
    }

    public VirtualDirectory withAllowOverwrites(boolean allow) {
        return new VirtualDirectory(prefix, root, uploadsEnabled, maxUploadSize, allow, sessionTimeout, notificationType, notificationUrl);
    }

    public VirtualDirectory withSessionTimeout(Duration timeout) {
        return new VirtualDirectory(prefix, root, uploadsEnabled, maxUploadSize, allowOverwrites, timeout, notificationType, notificationUrl);
    }

    public VirtualDirectory withNotification(NotificationType type, URI url) {
        return new VirtualDirectory(prefix, root, uploadsEnabled, maxUploadSize, allowOverwrites, sessionTimeout, type, url);
    }

    /** The folder holding session state and partial uploads (hidden from GET and from uploads). */
    public Path sessionsFolder() {
        return root.resolve(RemotePaths.SESSIONS_FOLDER);
    }

    /** The path below this directory for a request path, or null if the request is not under the prefix. */
    public String relativePath(String rawPath) {
        if (prefix.equals("/")) {
            return rawPath.substring(1);
        }
        if (rawPath.equals(prefix)) {
            return "";
        }
        return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length() + 1) : null;
    }
}
