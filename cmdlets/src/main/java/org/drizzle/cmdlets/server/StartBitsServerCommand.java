package org.drizzle.cmdlets.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.StopSignal;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.NotificationType;
import org.drizzle.engine.server.ServerCommandLine;
import org.drizzle.engine.server.VirtualDirectory;

/**
 * Start-BitsServer: runs Drizzle's compact BITS upload server on one folder. It serves until
 * Ctrl+C, or with -PassThru returns the running server at once (stop it with {@code .stop()}).
 */
@Cmdlet(verb = "Start", noun = "BitsServer", synopsis = "Runs a compact BITS upload server that collects uploads into a folder.")
@Example(code = "Start-BitsServer -Root /srv/uploads -Port 8080",
        remarks = "Accepts BITS uploads to http://127.0.0.1:8080/<name> into /srv/uploads until Ctrl+C.")
@Example(code = "Start-BitsServer -Root /srv/uploads -Port 8443 -Credential (Get-Credential collector) -CertificatePath server.p12 -CertificatePassword $pw",
        remarks = "Serves HTTPS with the PKCS#12 key and certificate in server.p12 and requires HTTP Basic authentication as collector.")
@Example(code = "$s = Start-BitsServer -Root ./inbox -Port 0 -MaximumUploadSize 100MB -PassThru; $s.Url",
        remarks = "Starts on a free port in the background and shows its URL.")
public class StartBitsServerCommand extends Command {
    @Parameter(position = 0, mandatory = true, help = "Folder that uploads go to and downloads come from.")
    String root;
    @Parameter(help = "Listen port (default 8080; 0 picks a free port).")
    int port = 8080;
    @Parameter(help = "Listen address (default 127.0.0.1).")
    String listenAddress = "127.0.0.1";
    @Parameter(help = "URL path of the virtual directory (default /).")
    String virtualDirectory = "/";
    @Parameter(help = "BITSMaximumUploadSize: the largest upload accepted, in bytes (default 4GB); a larger one is refused with BG_E_TOO_LARGE.")
    long maximumUploadSize = VirtualDirectory.DEFAULT_MAX_UPLOAD_SIZE;
    @Parameter(help = "BITSAllowOverwrites: let uploads replace existing files.")
    boolean allowOverwrites;
    @Parameter(help = "Serve downloads only; upload packets are refused with 501.")
    boolean disableUploads;
    @Parameter(help = "BITSSessionTimeout in seconds (default 1209600, 14 days): idle sessions and their partial uploads are deleted after this.")
    long sessionTimeout = VirtualDirectory.DEFAULT_SESSION_TIMEOUT.toSeconds();
    @Parameter(help = "Upload sessions one client address (an IPv6 client: its /64) may hold at once (default 50); more are refused with HTTP 429.")
    int maximumSessionsPerClient = BitsServer.DEFAULT_MAX_SESSIONS_PER_CLIENT;
    @Parameter(help = "Upload sessions the server holds at once over all clients (default 500); more are refused with HTTP 429.")
    int maximumSessions = BitsServer.DEFAULT_MAX_SESSIONS;
    @Parameter(help = "Back-end application URL for upload-reply jobs (http only).")
    String notificationUrl;
    @Parameter(validateSet = {"Reference", "Value"}, help = "How the back-end receives uploads: Reference (default) or Value.")
    String notificationType = "Reference";
    @Parameter(help = "Require HTTP Basic authentication with this user name and password (use with -CertificatePath so the password is not sent in clear).")
    PSCredential credential;
    @Parameter(help = "Serve HTTPS with the key and certificate in this PKCS#12 (.p12/.pfx) file.")
    String certificatePath;
    @Parameter(help = "The password of the -CertificatePath file (a string or a Get-Credential object).")
    Object certificatePassword;
    @Parameter(help = "Return the running server at once instead of serving until Ctrl+C.")
    boolean passThru;

    private final StopSignal stop = new StopSignal();

    @Override
    public void process(Object input) {
        BitsServer server = start();
        RunningBitsServer running = new RunningBitsServer(server, root, virtualDirectory);
        writeObject(running);
        if (passThru) {
            return;
        }
        try {
            stop.await(-1);
        } finally {
            server.close();
        }
    }

    private BitsServer start() {
        Path folder = context().resolvePath(root).normalize();
        if (!Files.isDirectory(folder)) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The root '" + root + "' is not a folder."),
                    "RootNotFound", ErrorCategory.OBJECT_NOT_FOUND, root));
        }
        try {
            VirtualDirectory v = VirtualDirectory.of(virtualDirectory, folder)
                    .withMaxUploadSize(maximumUploadSize)
                    .withAllowOverwrites(allowOverwrites)
                    .withUploadsEnabled(!disableUploads)
                    .withSessionTimeout(Duration.ofSeconds(sessionTimeout));
            if (notificationUrl != null) {
                v = v.withNotification("Value".equalsIgnoreCase(notificationType) ? NotificationType.BY_VALUE
                        : NotificationType.BY_REFERENCE, URI.create(notificationUrl));
            }
            root = folder.toString();
            BitsServer.Builder b = BitsServer.builder().virtualDirectory(v).port(port)
                    .listenAddress(InetAddress.getByName(listenAddress))
                    .maxSessionsPerClient(maximumSessionsPerClient).maxSessions(maximumSessions);
            if (credential != null) {
                b.basicAuth(credential.userName(), credential.password());
            }
            if (certificatePath != null) {
                b.tls(tls());
            } else if (certificatePassword != null) {
                throw new IllegalArgumentException("-CertificatePassword needs -CertificatePath.");
            }
            return b.build().start();
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw throwTerminating(new ErrorRecord(e, "InvalidServerSetting", ErrorCategory.INVALID_ARGUMENT, root));
        } catch (java.io.IOException e) {
            throw throwTerminating(new ErrorRecord(e, "ServerStartFailed", ErrorCategory.RESOURCE_UNAVAILABLE,
                    listenAddress + ":" + port));
        }
    }

    /** The PKCS#12 file as a TLS context; an unreadable file or wrong password is a terminating error naming the file. */
    private javax.net.ssl.SSLContext tls() {
        Path file = context().resolvePath(certificatePath).normalize();
        String password = certificatePassword instanceof PSCredential c ? c.password()
                : certificatePassword == null ? null : LanguagePrimitives.toStr(certificatePassword);
        if (!Files.isRegularFile(file)) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The certificate file '" + certificatePath
                    + "' does not exist."), "CertificateNotFound", ErrorCategory.OBJECT_NOT_FOUND, certificatePath));
        }
        try {
            return ServerCommandLine.tls(file, password);
        } catch (Exception e) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The certificate file '" + certificatePath
                    + "' cannot be read as PKCS#12 with the given password: " + e.getMessage(), e),
                    "InvalidCertificate", ErrorCategory.INVALID_ARGUMENT, certificatePath));
        }
    }

    @Override
    public void stop() {
        stop.stop();
    }
}
