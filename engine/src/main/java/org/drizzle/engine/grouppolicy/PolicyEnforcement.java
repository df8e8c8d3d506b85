package org.drizzle.engine.grouppolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drizzle.engine.bandwidth.AllowanceSource;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.RouteLookup;
import org.drizzle.engine.network.cost.CostOverrides;
import org.drizzle.engine.network.cost.CostRunCondition;
import org.drizzle.engine.network.cost.DeclaredCostMonitor;
import org.drizzle.engine.network.cost.MeteredDetector;

/**
 * Group Policy enforcement assembled for an engine: the {@link PolicyService} (layered sources),
 * the route lookup, the network cost monitor, the {@link Governor}, and the two run conditions
 * (zero-limit windows, network cost). Hand {@link #throttle}, {@link #runConditions} and
 * {@link #jobLimits} to EngineConfig; {@link #close} stops the parts in reverse order.
 */
public final class PolicyEnforcement implements AutoCloseable {
    private final PolicyService policy;
    private final DeclaredCostMonitor cost;
    private final PolicyRunCondition window;
    private final CostRunCondition costCondition;
    private final Governor governor;

    /**
     * @param policy       started policy service
     * @param costFile     the admin's network cost overrides (Set-BitsNetworkCost)
     * @param detector     the system's network cost (NetworkManager on Linux, the Network List
     *                     Manager on Windows: {@link MeteredDetector#forThisOs})
     * @param allowance    the idle-bandwidth estimate, or {@link AllowanceSource#UNLIMITED}
     */
    public PolicyEnforcement(PolicyService policy, Path costFile, MeteredDetector detector, AllowanceSource allowance) {
        this.policy = policy;
        RouteLookup routes = new RouteLookup(InterfaceCounters.forThisOs());
        this.cost = new DeclaredCostMonitor(routes, policy::current, new CostOverrides(costFile), detector).start();
        policy.onChange(cost::refresh);
        this.window = new PolicyRunCondition(policy, PolicyRunCondition.lanByRoute(routes));
        this.costCondition = new CostRunCondition(cost, policy::current);
        this.governor = governor(policy, allowance, window::isOnLan);
    }

    /** The machine's policy (file, registry, fleet URL) and cost sources, started. */
    public static PolicyEnforcement forMachine(AllowanceSource allowance) {
        return new PolicyEnforcement(PolicyService.forMachine().start(), PolicyLocations.networkCostFile(),
                MeteredDetector.forThisOs(), allowance);
    }

    /** A governor paced by {@code policy}, re-evaluated on every change and schedule boundary. */
    public static Governor governor(PolicyService policy, AllowanceSource allowance, Predicate<JobId> onLan) {
        Governor governor = new Governor(policy::evaluator, allowance, onLan, policy.clock());
        policy.onChange(governor::policyChanged);
        return governor;
    }

    public PolicyService policy() {
        return policy;
    }

    /** The bandwidth governor (EngineConfig.Builder#throttle). */
    public Governor throttle() {
        return governor;
    }

    /** Zero-limit windows, then network cost (EngineConfig.Builder#runCondition, each). */
    public List<RunCondition> runConditions() {
        return List.of(window, costCondition);
    }

    /** The policy's job limits in force (EngineConfig.Builder#limits). */
    public Supplier<JobLimits> jobLimits() {
        return policy::jobLimits;
    }

    /** Stops the cost monitor, then the policy sources and timer. */
    @Override
    public void close() {
        cost.close();
        policy.close();
    }
}
