package org.drizzle.engine.job;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HRESULTs as BITS reports them (bits-reference.md §3.5, upload-protocol.md A.3), their readable
 * descriptions, and the fatal/transient classification the scheduler applies.
 */
public final class ErrorCodes {
    public static final int S_OK = 0;
    /** 0x00200017: Complete committed only the files finished before the call. */
    public static final int BG_S_PARTIAL_COMPLETE = 0x00200017;
    /** 0x0020001A: Complete/Cancel could not delete some temporary files. */
    public static final int BG_S_UNABLE_TO_DELETE_FILES = 0x0020001A;

    public static final int BG_E_NOT_FOUND = 0x80200001;
    public static final int BG_E_INVALID_STATE = 0x80200002;
    public static final int BG_E_EMPTY = 0x80200003;
    public static final int BG_E_NETWORK_DISCONNECTED = 0x80200010;
    public static final int BG_E_MISSING_FILE_SIZE = 0x80200011;
    public static final int BG_E_INSUFFICIENT_HTTP_SUPPORT = 0x80200012;
    public static final int BG_E_INSUFFICIENT_RANGE_SUPPORT = 0x80200013;
    public static final int BG_E_REMOTE_NOT_SUPPORTED = 0x80200014;
    public static final int BG_E_TOO_MANY_FILES = 0x8020001C;
    public static final int BG_E_LOCAL_FILE_CHANGED = 0x8020001D;
    public static final int BG_E_SESSION_NOT_FOUND = 0x8020001F;
    public static final int BG_E_TOO_LARGE = 0x80200020;
    public static final int BG_E_STRING_TOO_LONG = 0x80200021;
    public static final int BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH = 0x80200022;
    public static final int BG_E_SERVER_EXECUTE_ENABLED = 0x80200023;
    public static final int BG_E_INVALID_RANGE = 0x8020002B;
    public static final int BG_E_OVERLAPPING_RANGES = 0x8020002C;
    public static final int BG_E_BLOCKED_BY_POLICY = 0x8020003E;
    public static final int BG_E_TOO_MANY_JOBS_PER_USER = 0x80200049;
    public static final int BG_E_TOO_MANY_JOBS_PER_MACHINE = 0x80200050;
    public static final int BG_E_TOO_MANY_FILES_IN_JOB = 0x80200051;
    public static final int BG_E_TOO_MANY_RANGES_IN_FILE = 0x80200052;
    public static final int BG_E_VALIDATION_FAILED = 0x80200053;
    public static final int BG_E_MAXDOWNLOAD_TIMEOUT = 0x80200054;
    public static final int BG_E_TOKEN_REQUIRED = 0x80200056;
    public static final int BG_E_BLOCKED_BY_COST_TRANSFER_POLICY = 0x80200059;
    /** 0x80190000 + HTTP status (BG_E_HTTP_ERROR_nnn). */
    public static final int HTTP_BASE = 0x80190000;

    public static final int E_ACCESSDENIED = 0x80070005;
    public static final int E_INVALIDARG = 0x80070057;
    public static final int E_NOTIMPL = 0x80004001;
    public static final int E_FAIL = 0x80004005;
    public static final int ERROR_FILE_NOT_FOUND = 0x80070002;
    public static final int ERROR_PATH_NOT_FOUND = 0x80070003;
    public static final int ERROR_HANDLE_DISK_FULL = 0x80070027;
    public static final int ERROR_DISK_FULL = 0x80070070;
    public static final int ERROR_NOT_LOGGED_ON = 0x800704DD;
    /** WinINet ERROR_INTERNET_TIMEOUT. */
    public static final int INTERNET_TIMEOUT = 0x80072EE2;
    /** WinINet ERROR_INTERNET_NAME_NOT_RESOLVED. */
    public static final int INTERNET_NAME_NOT_RESOLVED = 0x80072EE7;
    /** WinINet ERROR_INTERNET_CANNOT_CONNECT. */
    public static final int INTERNET_CANNOT_CONNECT = 0x80072EFD;
    /** WinINet ERROR_INTERNET_CONNECTION_RESET. */
    public static final int INTERNET_CONNECTION_RESET = 0x80072EFF;
    /** WinINet ERROR_INTERNET_SECURITY_CHANNEL_ERROR (TLS failure). */
    public static final int INTERNET_SECURE_FAILURE = 0x80072F8F;
    /** WinINet ERROR_INTERNET_INVALID_URL. */
    public static final int INTERNET_INVALID_URL = 0x80072EE5;
    /** WinINet ERROR_INTERNET_UNRECOGNIZED_SCHEME. */
    public static final int INTERNET_UNRECOGNIZED_SCHEME = 0x80072EE6;
    /** WinINet ERROR_HTTP_REDIRECT_FAILED (redirect disallowed by policy). */
    public static final int HTTP_REDIRECT_FAILED = 0x80072F7C;

    private static final Map<Integer, String> NAMES = new LinkedHashMap<>();
    private static final Map<Integer, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        add(S_OK, "S_OK", "The operation completed successfully.");
        add(BG_S_PARTIAL_COMPLETE, "BG_S_PARTIAL_COMPLETE", "Some of the files in the job were not transferred; the transferred files were committed and the rest deleted.");
        add(BG_S_UNABLE_TO_DELETE_FILES, "BG_S_UNABLE_TO_DELETE_FILES", "Some of the temporary files could not be deleted.");
        add(BG_E_NOT_FOUND, "BG_E_NOT_FOUND", "The requested job was not found.");
        add(BG_E_INVALID_STATE, "BG_E_INVALID_STATE", "The requested action is not allowed in the current job state.");
        add(BG_E_EMPTY, "BG_E_EMPTY", "There are currently no files attached to this job.");
        add(BG_E_NETWORK_DISCONNECTED, "BG_E_NETWORK_DISCONNECTED", "No network connection is active on this computer.");
        add(BG_E_MISSING_FILE_SIZE, "BG_E_MISSING_FILE_SIZE", "The server did not return the file size. The URL might point to dynamic content. The Content-Length header is not available in the server's HTTP reply.");
        add(BG_E_INSUFFICIENT_HTTP_SUPPORT, "BG_E_INSUFFICIENT_HTTP_SUPPORT", "The server does not support HTTP 1.1.");
        add(BG_E_INSUFFICIENT_RANGE_SUPPORT, "BG_E_INSUFFICIENT_RANGE_SUPPORT", "The server does not support the necessary HTTP protocol. Background Intelligent Transfer Service (BITS) requires that the server support the Range protocol header.");
        add(BG_E_REMOTE_NOT_SUPPORTED, "BG_E_REMOTE_NOT_SUPPORTED", "Remote use of BITS is not supported.");
        add(BG_E_TOO_MANY_FILES, "BG_E_TOO_MANY_FILES", "Upload jobs can contain only one file.");
        add(BG_E_LOCAL_FILE_CHANGED, "BG_E_LOCAL_FILE_CHANGED", "The local file changed during the transfer.");
        add(BG_E_SESSION_NOT_FOUND, "BG_E_SESSION_NOT_FOUND", "The server does not know the upload session.");
        add(BG_E_TOO_LARGE, "BG_E_TOO_LARGE", "The upload or reply is larger than the server or client allows.");
        add(BG_E_STRING_TOO_LONG, "BG_E_STRING_TOO_LONG", "The specified string is too long.");
        add(BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH, "BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH", "The client and server versions of BITS are not compatible.");
        add(BG_E_SERVER_EXECUTE_ENABLED, "BG_E_SERVER_EXECUTE_ENABLED", "Scripting or execute permissions are enabled on the upload directory.");
        add(BG_E_INVALID_RANGE, "BG_E_INVALID_RANGE", "The requested byte range extends beyond the end of the web page or is not valid.");
        add(BG_E_OVERLAPPING_RANGES, "BG_E_OVERLAPPING_RANGES", "The list of byte ranges contains some overlapping ranges, which are not supported.");
        add(BG_E_BLOCKED_BY_POLICY, "BG_E_BLOCKED_BY_POLICY", "Group Policy settings prevent background jobs from running at this time.");
        add(BG_E_TOO_MANY_JOBS_PER_USER, "BG_E_TOO_MANY_JOBS_PER_USER", "The maximum number of jobs for this user has been reached.");
        add(BG_E_TOO_MANY_JOBS_PER_MACHINE, "BG_E_TOO_MANY_JOBS_PER_MACHINE", "The maximum number of jobs for this computer has been reached.");
        add(BG_E_TOO_MANY_FILES_IN_JOB, "BG_E_TOO_MANY_FILES_IN_JOB", "The maximum number of files in the job has been reached.");
        add(BG_E_TOO_MANY_RANGES_IN_FILE, "BG_E_TOO_MANY_RANGES_IN_FILE", "The maximum number of ranges in the file has been reached.");
        add(BG_E_VALIDATION_FAILED, "BG_E_VALIDATION_FAILED", "The file failed validation.");
        add(BG_E_MAXDOWNLOAD_TIMEOUT, "BG_E_MAXDOWNLOAD_TIMEOUT", "The job was not completed within its MaxDownloadTime.");
        add(BG_E_TOKEN_REQUIRED, "BG_E_TOKEN_REQUIRED", "The job needs a helper token, and none is set.");
        add(BG_E_BLOCKED_BY_COST_TRANSFER_POLICY, "BG_E_BLOCKED_BY_COST_TRANSFER_POLICY", "The job is waiting because the current network's cost is not allowed by its TransferPolicy.");
        add(E_ACCESSDENIED, "E_ACCESSDENIED", "Access is denied.");
        add(E_INVALIDARG, "E_INVALIDARG", "The parameter is incorrect.");
        add(E_NOTIMPL, "E_NOTIMPL", "Not implemented on this platform.");
        add(E_FAIL, "E_FAIL", "Unspecified error.");
        add(ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified.");
        add(ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND", "The system cannot find the path specified.");
        add(ERROR_HANDLE_DISK_FULL, "ERROR_HANDLE_DISK_FULL", "The disk is full.");
        add(ERROR_DISK_FULL, "ERROR_DISK_FULL", "There is not enough space on the disk.");
        add(ERROR_NOT_LOGGED_ON, "ERROR_NOT_LOGGED_ON", "The operation being requested was not performed because the user has not logged on to the network.");
        add(INTERNET_TIMEOUT, "ERROR_INTERNET_TIMEOUT", "The operation timed out.");
        add(INTERNET_NAME_NOT_RESOLVED, "ERROR_INTERNET_NAME_NOT_RESOLVED", "The server name or address could not be resolved.");
        add(INTERNET_CANNOT_CONNECT, "ERROR_INTERNET_CANNOT_CONNECT", "A connection with the server could not be established.");
        add(INTERNET_CONNECTION_RESET, "ERROR_INTERNET_CONNECTION_RESET", "The connection with the server was reset.");
        add(INTERNET_SECURE_FAILURE, "ERROR_INTERNET_SECURE_FAILURE", "One or more errors were found in the Secure Sockets Layer (SSL) certificate sent by the server.");
        add(INTERNET_INVALID_URL, "ERROR_INTERNET_INVALID_URL", "The URL is invalid.");
        add(INTERNET_UNRECOGNIZED_SCHEME, "ERROR_INTERNET_UNRECOGNIZED_SCHEME", "The URL does not use a recognized protocol.");
        add(HTTP_REDIRECT_FAILED, "ERROR_HTTP_REDIRECT_FAILED", "The redirection failed because either the scheme changed or all attempts made to redirect failed.");
    }

    private ErrorCodes() {
    }

    private static void add(int code, String name, String description) {
        NAMES.put(code, name);
        DESCRIPTIONS.put(code, description);
    }

    /** {@code BG_E_HTTP_ERROR_nnn}: 404 becomes 0x80190194. */
    public static int fromHttpStatus(int status) {
        return HTTP_BASE + status;
    }

    /** The HTTP status inside a {@code BG_E_HTTP_ERROR_nnn} code, or -1. */
    public static int httpStatus(int code) {
        return (code & 0xFFFF0000) == HTTP_BASE ? code & 0xFFFF : -1;
    }

    /** The symbolic name, e.g. {@code BG_E_INVALID_STATE} or {@code BG_E_HTTP_ERROR_404}. */
    public static String name(int code) {
        int http = httpStatus(code);
        if (http >= 0) {
            return "BG_E_HTTP_ERROR_" + http;
        }
        return NAMES.getOrDefault(code, hex(code));
    }

    /** The readable description BITS gives for a code; unknown codes still say their number. */
    public static String describe(int code) {
        int http = httpStatus(code);
        if (http >= 0) {
            return "HTTP status " + http + ": " + HttpStatusText.of(http) + ".";
        }
        String text = DESCRIPTIONS.get(code);
        return text != null ? text : "Error " + hex(code) + ".";
    }

    /** {@code 0x80200002} style. */
    public static String hex(int code) {
        return "0x" + String.format(Locale.ROOT, "%08X", code);
    }

    /**
     * Whether an error with this code is retried (TRANSIENT_ERROR) rather than fatal (ERROR):
     * connection failures, timeouts, DNS, 5xx, 408/429, disk full, network loss and policy/cost
     * blocks retry; 4xx, access denied, redirect disallowed and MaxDownloadTime are fatal.
     */
    public static boolean isTransient(int code) {
        int http = httpStatus(code);
        if (http >= 0) {
            return http >= 500 || http == 408 || http == 429 || http == 503 || http == 504;
        }
        return code == INTERNET_TIMEOUT || code == INTERNET_NAME_NOT_RESOLVED
                || code == INTERNET_CANNOT_CONNECT || code == INTERNET_CONNECTION_RESET
                || code == ERROR_DISK_FULL || code == ERROR_HANDLE_DISK_FULL
                || code == BG_E_NETWORK_DISCONNECTED || code == BG_E_BLOCKED_BY_POLICY
                || code == BG_E_BLOCKED_BY_COST_TRANSFER_POLICY || code == ERROR_NOT_LOGGED_ON
                || code == BG_E_SESSION_NOT_FOUND;
    }

    /**
     * Transient conditions that BITS does not count against NoProgressTimeout and does not
     * delay by MinimumRetryDelay: the job resumes as soon as the condition clears.
     */
    public static boolean isConditionWait(int code) {
        return code == BG_E_NETWORK_DISCONNECTED || code == BG_E_BLOCKED_BY_POLICY
                || code == BG_E_BLOCKED_BY_COST_TRANSFER_POLICY || code == ERROR_NOT_LOGGED_ON;
    }
}
