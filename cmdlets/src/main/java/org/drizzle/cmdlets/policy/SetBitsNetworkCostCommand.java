package org.drizzle.cmdlets.policy;

import java.io.IOException;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.grouppolicy.PolicyLocations;
import org.drizzle.engine.network.cost.CostOverrides;

/**
 * Set-BitsNetworkCost: the admin's declaration of what a network interface costs, for machines
 * where nothing else knows a link is metered. It wins over policy and NetworkManager; running
 * engines pick it up within seconds. -Clear removes the declaration.
 */
@Cmdlet(verb = "Set", noun = "BitsNetworkCost", supportsShouldProcess = true, defaultParameterSet = "Cost",
        synopsis = "Declares the cost of a network interface (Metered, Roaming, Unrestricted...) for TransferPolicy checks.")
@Example(code = "Set-BitsNetworkCost -InterfaceAlias wwan0 -Cost Metered", remarks = "Standard jobs wait while wwan0 carries them.")
@Example(code = "Set-BitsNetworkCost -InterfaceAlias wwan0 -Clear", remarks = "Removes the declaration.")
public class SetBitsNetworkCostCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true, help = "The interface, e.g. wwan0.")
    String interfaceAlias;
    @Parameter(position = 1, mandatory = true, parameterSet = "Cost",
            validateSet = {"Metered", "Unrestricted", "Capped", "BelowCap", "NearCap", "OverCapCharged", "OverCapThrottled",
                    "UsageBased", "Roaming"},
            help = "The cost: Metered (= NearCap), Roaming, Unrestricted, or another BITS cost state.")
    String cost;
    @Parameter(mandatory = true, parameterSet = "Clear", help = "Remove the declaration for the interface.")
    boolean clear;

    @Override
    public void process(Object input) {
        CostOverrides overrides = new CostOverrides(PolicyLocations.networkCostFile());
        String action = clear ? "Remove the network cost declaration" : "Declare network cost " + cost;
        if (!context().shouldProcess(interfaceAlias, action)) {
            return;
        }
        try {
            overrides.set(interfaceAlias, clear ? null : cost);
        } catch (IOException e) {
            writeError(new ErrorRecord(e, "NetworkCostNotWritten", ErrorCategory.WRITE_ERROR, overrides.file()));
        } catch (IllegalArgumentException e) {
            writeError(new ErrorRecord(e, "InvalidNetworkCost", ErrorCategory.INVALID_ARGUMENT, cost));
        }
    }
}
