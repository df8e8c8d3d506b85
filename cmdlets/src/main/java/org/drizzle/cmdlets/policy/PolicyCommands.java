package org.drizzle.cmdlets.policy;

import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandPack;

/** The policy cmdlets: Get-BitsPolicy, Test-BitsPolicy, Set-BitsNetworkCost. */
public final class PolicyCommands implements CommandPack {
    @Override
    public List<Class<? extends Command>> commands() {
        return List.of(GetBitsPolicyCommand.class, TestBitsPolicyCommand.class, SetBitsNetworkCostCommand.class);
    }
}
