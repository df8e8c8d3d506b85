package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandPack;

/** The BitsTransfer module's cmdlets (and Get-Credential, which they need, and Drizzle's Get-BitsBandwidth). */
public final class BitsCommands implements CommandPack {
    @Override
    public List<Class<? extends Command>> commands() {
        return List.of(StartBitsTransferCommand.class, GetBitsTransferCommand.class, SetBitsTransferCommand.class,
                SuspendBitsTransferCommand.class, ResumeBitsTransferCommand.class, CompleteBitsTransferCommand.class,
                RemoveBitsTransferCommand.class, AddBitsFileCommand.class, GetCredentialCommand.class,
                GetBitsBandwidthCommand.class, ConvertToSecureStringCommand.class, ConvertFromSecureStringCommand.class);
    }
}
