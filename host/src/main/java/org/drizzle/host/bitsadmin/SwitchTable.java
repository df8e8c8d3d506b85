package org.drizzle.host.bitsadmin;

import static org.drizzle.host.bitsadmin.GetSwitches.value;
import static org.drizzle.host.bitsadmin.SetSwitches.one;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;

/**
 * Every switch of Microsoft's bitsadmin reference, in its usage order: syntax, help, argument
 * counts, modifiers and handler. Switches whose feature does not exist on this platform (peer
 * caching, the Windows certificate store, helper tokens, IE proxy settings, content validation)
 * are declared too and fail with E_NOTIMPL and a sentence saying why.
 */
final class SwitchTable {
    private static final int MANY = Integer.MAX_VALUE;
    private static final Map<String, Switch> SWITCHES = new LinkedHashMap<>();

    static {
        add("help", "", "Prints this help", 0, 0, none(), "show help", Usage::print);
        add("?", "", "Prints this help", 0, 0, none(), "show help", Usage::print);
        add("list", "[/ALLUSERS] [/VERBOSE]", "Lists the jobs", 0, 0, flags("allusers", "verbose"), "list jobs", JobSwitches::list);
        add("monitor", "[/ALLUSERS] [/REFRESH sec]", "Monitors the copy manager until Ctrl+C", 0, 0,
                flags("allusers").addOption(valued("refresh")), "monitor jobs", JobSwitches::monitor);
        add("reset", "[/ALLUSERS]", "Cancels all jobs in the manager", 0, 0, flags("allusers"), "reset jobs", JobSwitches::reset);
        add("transfer", "<job name> [/DOWNLOAD|/UPLOAD] [/PRIORITY priority] [/ACLFLAGS flags] [/DYNAMIC] <remote_url> <local_name> ...",
                "Transfers one or more files and waits; the name may not be a GUID", 3, MANY,
                flags("download", "upload", "dynamic").addOption(valued("priority")).addOption(valued("aclflags")),
                "complete transfer", TransferSwitch::run);
        add("create", "[/DOWNLOAD|/UPLOAD|/UPLOAD-REPLY] <job name>", "Creates a job; the name may not be a GUID", 1, 1,
                flags("download", "upload", "uploadreply"), "create job", JobSwitches::create);
        add("info", "<job> [/VERBOSE]", "Displays information about the job", 1, 1, flags("verbose"), "get job information",
                JobSwitches::info);
        add("addfile", "<job> <remote_url> <local_name>", "Adds a file to the job", 3, 3, none(), "add file", JobSwitches::addFile);
        add("addfileset", "<job> <textfile>", "Adds the 'remote local' pairs of a text file ('#' starts a comment)", 2, 2, none(),
                "add file set", JobSwitches::addFileSet);
        add("addfilewithranges", "<job> <remote_url> <local_name> <range_list>",
                "Adds a file of which only the ranges are read (0:100,2000:100,5000:eof)", 4, 4, none(), "add file",
                JobSwitches::addFileWithRanges);
        add("replaceremoteprefix", "<job> <old_prefix> <new_prefix>", "Changes the remote URLs that begin with old_prefix",
                3, 3, none(), "replace remote prefix", JobSwitches::replaceRemotePrefix);
        add("listfiles", "<job>", "Lists the files in the job", 1, 1, none(), "list files", JobSwitches::listFiles);
        add("suspend", "<job>", "Suspends the job", 1, 1, none(), "suspend job", JobSwitches::suspend);
        add("resume", "<job>", "Resumes the job", 1, 1, none(), "resume job", JobSwitches::resume);
        add("cancel", "<job>", "Cancels the job", 1, 1, none(), "cancel job", JobSwitches::cancel);
        add("complete", "<job>", "Completes the job", 1, 1, none(), "complete job", JobSwitches::complete);
        getter("gettype", "the job type", j -> Formats.type(j.type()));
        getter("getaclflags", "the ACL propagation flags", j -> Formats.aclFlags(j.aclFlags()));
        unsupported("setaclflags", "<job> <ACL_flags>", "Sets the ACL propagation flags (O G D S)",
                "ACL flags apply to SMB sources on Windows only.");
        getter("getbytestotal", "the size of the job", j -> Formats.bytes(j.progress().bytesTotal()));
        getter("getbytestransferred", "the number of bytes transferred", j -> Long.toString(j.progress().bytesTransferred()));
        getter("getfilestotal", "the number of files in the job", j -> Integer.toString(j.progress().filesTotal()));
        getter("getfilestransferred", "the number of files transferred", j -> Integer.toString(j.progress().filesTransferred()));
        getter("getcreationtime", "the job creation time", j -> Formats.time(j.creationTime()));
        getter("getmodificationtime", "the job modification time", j -> Formats.time(j.modificationTime()));
        getter("getcompletiontime", "the job completion time", j -> Formats.time(j.transferCompletionTime()));
        getter("getstate", "the job state", Formats::state);
        add("geterror", "<job>", "Retrieves detailed error information", 1, 1, none(), "get error", GetSwitches::error);
        getter("getowner", "the job owner", j -> Formats.clean(j.owner().account()));
        getter("getdisplayname", "the job display name", j -> Formats.clean(j.displayName()));
        add("setdisplayname", "<job> <display_name>", "Sets the job display name", 2, 2, none(), "set display name",
                one("Display name", (v, a) -> new JobOptions().displayName(v)));
        getter("getdescription", "the job description", j -> Formats.clean(j.description()));
        add("setdescription", "<job> <description>", "Sets the job description", 2, 2, none(), "set description",
                one("Description", (v, a) -> new JobOptions().description(v)));
        getter("getpriority", "the job priority", j -> j.priority().name());
        add("setpriority", "<job> <FOREGROUND|HIGH|NORMAL|LOW>", "Sets the job priority", 2, 2, none(), "set priority",
                SetSwitches::setPriority);
        getter("getnotifyflags", "the notify flags", j -> Integer.toString(j.notifyFlags()));
        add("setnotifyflags", "<job> <notify_flags>", "Sets the notify flags (1 transferred, 2 error, 4 disable)", 2, 2, none(),
                "set notify flags", one("Notification flags", (v, a) -> new JobOptions().notifyFlags((int) Formats.number(v, "notify flags", a))));
        getter("getnotifyinterface", "whether a notify interface is registered (never: no COM here)", j -> "UNREGISTERED");
        getter("getminretrydelay", "the retry delay in seconds", j -> Long.toString(j.minimumRetryDelay()));
        add("setminretrydelay", "<job> <retry_delay>", "Sets the retry delay in seconds", 2, 2, none(), "set minimum retry delay",
                one("Minimum retry delay", (v, a) -> new JobOptions().minimumRetryDelay(Formats.number(v, "retry delay", a))));
        getter("getnoprogresstimeout", "the no progress timeout in seconds", j -> Long.toString(j.noProgressTimeout()));
        add("setnoprogresstimeout", "<job> <timeout>", "Sets the no progress timeout in seconds", 2, 2, none(),
                "set no progress timeout",
                one("No progress timeout", (v, a) -> new JobOptions().noProgressTimeout(Formats.number(v, "timeout", a))));
        getter("getmaxdownloadtime", "the download timeout in seconds", j -> Long.toString(j.maxDownloadTime()));
        add("setmaxdownloadtime", "<job> <timeout>", "Sets the download timeout in seconds", 2, 2, none(), "set max download time",
                one("Maximum download time", (v, a) -> new JobOptions().maxDownloadTime(Formats.number(v, "timeout", a))));
        getter("geterrorcount", "the error count of the job", j -> Integer.toString(j.errorCount()));
        add("setproxysettings", "<job> <PRECONFIG|AUTODETECT|NO_PROXY|OVERRIDE> [<proxy_list> <bypass_list>]",
                "Sets the proxy usage; OVERRIDE takes a proxy list and a bypass list (NULL for none)", 2, 4, none(),
                "set proxy settings", SetSwitches::proxySettings);
        getter("getproxyusage", "the proxy usage setting", j -> Formats.proxyUsage(j.proxyUsage()));
        getter("getproxylist", "the proxy list", j -> Formats.list(j.proxyList()));
        getter("getproxybypasslist", "the proxy bypass list", j -> Formats.list(j.proxyBypass()));
        add("takeownership", "<job>", "Takes ownership of the job (administrators)", 1, 1, none(), "take ownership",
                JobSwitches::takeOwnership);
        add("setnotifycmdline", "<job> <program_name> [program_parameters]",
                "Sets the program run on notification; the parameters begin with the program name; NULL clears",
                2, MANY, none(), "set notification command line", SetSwitches::notifyCmdLine);
        getter("getnotifycmdline", "the job's notification command line", j -> Formats.notifyCmdLine(j.notifyCmdLine()));
        add("setcredentials", "<job> <SERVER|PROXY> <BASIC|DIGEST|NTLM|NEGOTIATE|PASSPORT> <username> <password>",
                "Adds credentials to a job", 5, 5, none(), "set credentials", SetSwitches::credentials);
        add("removecredentials", "<job> <SERVER|PROXY> <scheme>", "Removes credentials from a job", 3, 3, none(),
                "remove credentials", SetSwitches::removeCredentials);
        add("getcustomheaders", "<job>", "Retrieves the custom HTTP headers", 1, 1, none(), "get custom headers",
                GetSwitches::customHeaders);
        add("setcustomheaders", "<job> <header1> <header2> ...", "Sets the custom HTTP headers (NULL clears)", 1, MANY, none(),
                "set custom headers", SetSwitches::customHeaders);
        add("makecustomheaderswriteonly", "<job>", "Makes the custom headers write-only (cannot be undone)", 1, 1, none(),
                "make custom headers write-only", SetSwitches::customHeadersWriteOnly);
        getter("gethttpmethod", "the HTTP verb", j -> j.httpMethod() == null ? "GET" : Formats.clean(j.httpMethod()));
        add("sethttpmethod", "<job> <HTTPMethod>", "Sets the HTTP verb", 2, 2, none(), "set HTTP method",
                one("HTTP method", (v, a) -> new JobOptions().httpMethod(v)));
        String certStore = "the Windows certificate store does not exist here; use Set-BitsTransfer -ClientCertificatePath.";
        unsupported("getclientcertificate", "<job>", "Retrieves the client certificate information", certStore);
        unsupported("setclientcertificatebyid", "<job> <store_location> <store_name> <cert_id>", "Sets a client certificate by hash", certStore);
        unsupported("setclientcertificatebyname", "<job> <store_location> <store_name> <subject_name>", "Sets a client certificate by subject", certStore);
        unsupported("removeclientcertificate", "<job>", "Removes the client certificate", certStore);
        getter("getsecurityflags", "the HTTP security flags", j -> Integer.toString(j.securityFlags()));
        add("setsecurityflags", "<job> <value>", "Sets the HTTP security flags (certificate checks, redirect policy)", 2, 2, none(),
                "set security flags", one("Security flags", (v, a) -> new JobOptions().securityFlags((int) Formats.number(v, "security flags", a))));
        String validation = "content validation (IBackgroundCopyFile5) is not implemented by Drizzle.";
        unsupported("setvalidationstate", "<job> <file-index> <true|false>", "Sets a file's content-validation state", validation);
        unsupported("getvalidationstate", "<job> <file-index>", "Reports a file's content-validation state", validation);
        add("gettemporaryname", "<job> <file-index>", "Reports the temporary file name of a file (index from 0)", 2, 2, none(),
                "get temporary name", GetSwitches::temporaryName);
        String peers = "peer caching (BranchCache) does not exist on this platform.";
        unsupported("setpeercachingflags", "<job> <value>", "Sets the job's peer caching flags", peers);
        getter("getpeercachingflags", "the job's peer caching flags (always 0 here)", j -> "0");
        getter("getreplyfilename", "the path of the server reply file", j -> Formats.clean(j.replyFileName()));
        add("setreplyfilename", "<job> <path>", "Sets the path of the server reply file", 2, 2, none(), "set reply file name",
                one("Reply file name", (v, a) -> new JobOptions().replyFileName(v)));
        getter("getreplyprogress", "the size and progress of the server reply", Formats::replyProgress);
        add("getreplydata", "<job>", "Dumps the server's reply data in hex", 1, 1, none(), "get reply data", GetSwitches::replyData);
        String helper = "helper tokens are Windows access tokens; jobs here act as their owner only.";
        unsupported("sethelpertoken", "<job> [<user@domain> <password>]", "Sets a helper token", helper);
        unsupported("gethelpertokensid", "<job>", "Reports the helper token's SID", helper);
        unsupported("sethelpertokenflags", "<job> <flags>", "Sets the helper token usage flags", helper);
        unsupported("gethelpertokenflags", "<job>", "Reports the helper token usage flags", helper);
        unsupported("getpeerstats", "<job> <file-index>", "Reports peer and origin byte counts of a file", peers);
        add("util", "/VERSION | /GETIEPROXY | /SETIEPROXY | /REPAIRSERVICE | /ENABLEANALYTICCHANNEL | /?",
                "Utility commands; only /VERSION applies here", 0, MANY, none(), "run utility command", UtilSwitch::run);
        unsupported("peercaching", "/? | /SETCONFIGURATIONFLAGS ...", "Peer caching configuration", peers);
        unsupported("cache", "/? | /CLEAR | /DELETE | /DELETEURL | /INFO | /LIST ...", "Peer cache management", peers);
        unsupported("peers", "/? | /CLEAR | /DISCOVER | /LIST", "Peer management", peers);
    }

    private SwitchTable() {
    }

    static Switch find(String name) {
        return SWITCHES.get(name.toLowerCase(Locale.ROOT));
    }

    static Collection<Switch> all() {
        return SWITCHES.values();
    }

    private static void add(String name, String syntax, String help, int min, int max, Options modifiers, String action,
                            Switch.Handler handler) {
        SWITCHES.put(name, new Switch(name, syntax, help, min, max, modifiers, action, handler));
    }

    private static void getter(String name, String what, Function<JobInfo, String> property) {
        add(name, "<job>", "Retrieves " + what, 1, 1, none(), name.replaceFirst("^get", "get "), value(property));
    }

    /** A switch that parses like bitsadmin's but fails with E_NOTIMPL naming the reason. */
    private static void unsupported(String name, String syntax, String help, String why) {
        String action = "use /" + name.toUpperCase(Locale.ROOT);
        add(name, syntax, help + " (not supported on this platform)", 0, MANY, none(), action, in -> {
            throw BitsAdminException.notSupported("/" + name, action, why);
        });
    }

    private static Options none() {
        return new Options();
    }

    private static Options flags(String... names) {
        Options o = new Options();
        for (String n : names) {
            o.addOption(Option.builder(n).get());
        }
        return o;
    }

    private static Option valued(String name) {
        return Option.builder(name).hasArg().get();
    }
}
