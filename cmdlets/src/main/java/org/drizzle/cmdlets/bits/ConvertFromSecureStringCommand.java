package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** ConvertFrom-SecureString: a SecureString as an encrypted standard string (-Key), or its text with -AsPlainText (PowerShell 7). */
@Cmdlet(verb = "ConvertFrom", noun = "SecureString", synopsis = "Converts a secure string to an encrypted standard string.")
@Example(code = "$pw | ConvertFrom-SecureString -Key $key | Set-Content pw.txt", remarks = "Stores the password encrypted with an AES key.")
public class ConvertFromSecureStringCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The secure string.")
    SecureString secureString;
    @Parameter(help = "The AES key (16, 24 or 32 bytes).")
    Object key;
    @Parameter(help = "Outputs the plain text (PowerShell 7).")
    boolean asPlainText;
    @Parameter(help = "A SecureString holding the key (its text's UTF-8 bytes: 16, 24 or 32), as "
            + "ConvertTo-SecureString -SecureKey reads it.")
    SecureString secureKey;

    @Override
    public void process(Object input) {
        if (asPlainText) {
            writeObject(new String(secureString.chars()));
            return;
        }
        if (key == null && secureKey == null) {
            throw new IllegalArgumentException("ConvertFrom-SecureString without -Key uses Windows DPAPI, which does not exist "
                    + "on this platform; give -Key (16, 24 or 32 bytes) or -SecureKey.");
        }
        byte[] k = SecureStringKey.key(key != null ? key : BytesArgument.of(new String(secureKey.chars()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        writeObject(SecureStringKey.encrypt(secureString.chars(), k));
    }
}
