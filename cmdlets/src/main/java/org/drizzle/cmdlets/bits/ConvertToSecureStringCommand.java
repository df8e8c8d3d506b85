package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** ConvertTo-SecureString: plain text (-AsPlainText -Force) or a string ConvertFrom-SecureString -Key made, to a SecureString. */
@Cmdlet(verb = "ConvertTo", noun = "SecureString", synopsis = "Converts plain text or encrypted strings to secure strings.")
@Example(code = "$pw = ConvertTo-SecureString $env:DL_PASSWORD -AsPlainText -Force",
        remarks = "For New-Object PSCredential(user, $pw).")
public class ConvertToSecureStringCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The text to convert.")
    String string;
    @Parameter(help = "The input is plain text (needs -Force, as in PowerShell).")
    boolean asPlainText;
    @Parameter(help = "Confirms plain-text input.")
    boolean force;
    @Parameter(help = "The AES key (16, 24 or 32 bytes) the input was encrypted with.")
    Object key;
    @Parameter(help = "A SecureString holding the key.")
    SecureString secureKey;

    @Override
    public void process(Object input) {
        if (asPlainText) {
            if (!force) {
                throw new IllegalArgumentException("The system cannot protect plain text input. To suppress this warning and "
                        + "convert the plain text to a SecureString, reissue the command specifying the Force parameter.");
            }
            writeObject(new SecureString(string.toCharArray()));
            return;
        }
        if (key == null && secureKey == null) {
            throw new IllegalArgumentException("ConvertTo-SecureString without -Key reads a Windows DPAPI string, which does "
                    + "not exist on this platform; use -AsPlainText -Force, or -Key with ConvertFrom-SecureString -Key.");
        }
        byte[] k = SecureStringKey.key(key != null ? key : BytesArgument.of(new String(secureKey.chars()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        writeObject(new SecureString(SecureStringKey.decrypt(string, k)));
    }
}
