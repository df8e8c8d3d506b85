package org.drizzle.cmdlets.bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Get-Credential: makes the credential -Credential and -ProxyCredential take. On a terminal it
 * prompts (the password without echo); scripts give -UserName and the password from a file
 * (-PasswordFile, first line) or an environment variable (-PasswordEnvironmentVariable).
 */
@Cmdlet(verb = "Get", noun = "Credential",
        synopsis = "Gets a credential object from a user name and password.",
        description = "Prompts for a user name and password on an interactive terminal (the password is not "
                + "echoed), or reads the password from a file or an environment variable for scripts. The password "
                + "never appears in any output.")
@Example(code = "$cred = Get-Credential -UserName alice", remarks = "Prompts for alice's password.")
@Example(code = "$cred = Get-Credential -UserName alice -PasswordEnvironmentVariable BITS_PASSWORD",
        remarks = "Reads the password from $env:BITS_PASSWORD, for unattended scripts.")
public class GetCredentialCommand extends Command {
    @Parameter(position = 0, aliases = "Credential", help = "The user name (prompted for when omitted).")
    String userName;
    @Parameter(help = "The prompt message.")
    String message;
    @Parameter(help = "The title line of the prompt.")
    String title;
    @Parameter(help = "A file whose first line is the password.")
    String passwordFile;
    @Parameter(aliases = "PasswordEnv", help = "An environment variable holding the password ($env:NAME set by the script counts).")
    String passwordEnvironmentVariable;

    @Override
    public void process(Object input) {
        String user = userName;
        char[] password;
        if (passwordFile != null) {
            password = readFile(context().resolvePath(passwordFile));
        } else if (passwordEnvironmentVariable != null) {
            String v = sessionEnvironment(passwordEnvironmentVariable);
            if (v == null) {
                throw fail("The environment variable '" + passwordEnvironmentVariable + "' is not set.");
            }
            password = v.toCharArray();
        } else {
            if (!context().ui().isInteractive()) {
                throw fail("Get-Credential needs a terminal to prompt; in scripts give -UserName with -PasswordFile "
                        + "or -PasswordEnvironmentVariable.");
            }
            if (title != null) {
                context().ui().write(title, null, true);
            }
            if (message != null) {
                context().ui().write(message, null, true);
            }
            if (user == null) {
                user = context().ui().readLine("User: ", false);
            }
            String typed = context().ui().readLine("Password for user " + user + ": ", true);
            password = typed == null ? new char[0] : typed.toCharArray();
        }
        if (user == null || user.isBlank()) {
            throw fail("A credential needs a user name; give -UserName.");
        }
        writeObject(new PSCredential(user.trim(), password));
    }

    /**
     * $env:NAME as the script sees it: the session's value (a script's {@code $env:X = 'v'} cannot change the
     * JVM's environment, so the host keeps it as an env: variable), else the process environment.
     */
    private String sessionEnvironment(String name) {
        Object v = context().getVariable("env:" + name);
        return v != null ? LanguagePrimitives.toStr(v) : System.getenv(name);
    }

    private char[] readFile(Path p) {
        try {
            String text = Files.readString(p);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).replace("\r", "").toCharArray();
        } catch (IOException e) {
            throw fail("Cannot read the password file '" + p + "': " + e.getMessage());
        }
    }

    private RuntimeException fail(String message) {
        return throwTerminating(new ErrorRecord(new IllegalArgumentException(message), "CouldNotGetCredential",
                ErrorCategory.INVALID_ARGUMENT, userName));
    }
}
