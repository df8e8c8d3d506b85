package org.drizzle.cmdlets.dotnet;

import java.util.List;
import org.drizzle.cmdlets.bits.BitsFile;
import org.drizzle.cmdlets.bits.BitsJob;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.policy.Priority;

/**
 * The BitsTransfer module's type names ({@code Microsoft.BackgroundIntelligentTransfer.Management.*}),
 * so {@code [...BitsJob[]]} parameters and {@code [...BitsJobState]::Suspended} resolve to our classes and engine enums.
 */
final class BitsTypes {
    private static final String NS = "Microsoft.BackgroundIntelligentTransfer.Management.";

    private BitsTypes() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(
                TypeAdapter.builder(NS + "BitsJob").instances(BitsJob.class::isInstance).build(),
                TypeAdapter.builder(NS + "BitsFile").instances(BitsFile.class::isInstance).build(),
                EnumTypes.of(NS + "BitsJobState", JobState.class),
                EnumTypes.of(NS + "JobState", JobState.class),
                EnumTypes.of(NS + "TransferTypeValue", JobType.class),
                EnumTypes.of(NS + "PriorityValue", Priority.class),
                EnumTypes.of(NS + "ProxyUsageValue", ProxyUsage.class),
                EnumTypes.of(NS + "AuthenticationTargetValue", AuthTarget.class),
                EnumTypes.of(NS + "AuthenticationValue", AuthScheme.class));
    }
}
