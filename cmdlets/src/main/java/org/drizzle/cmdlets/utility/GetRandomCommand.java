package org.drizzle.cmdlets.utility;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Get-Random: a random number in [Minimum, Maximum), or random picks from -InputObject. */
@Cmdlet(verb = "Get", noun = "Random", defaultParameterSet = "RandomNumber", synopsis = "Gets a random number, or selects objects randomly.",
        description = "Without input, returns an integer from -Minimum (0) up to but excluding -Maximum (Int32.MaxValue); "
                + "if either bound is a fraction, a double. With -InputObject or pipeline input, returns -Count random "
                + "distinct items (1 by default).")
@Example(code = "Start-Sleep -Seconds (Get-Random -Minimum 5 -Maximum 30)", remarks = "A random back-off.")
public class GetRandomCommand extends Command {
    @Parameter(position = 0, parameterSet = "RandomNumber", help = "The exclusive upper bound.")
    Object maximum;
    @Parameter(parameterSet = "RandomNumber", help = "The inclusive lower bound (0 by default).")
    Object minimum;
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, parameterSet = "RandomListItem",
            help = "The objects to choose from.")
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, parameterSet = "Shuffle")
    Object[] inputObject;
    @Parameter(mandatory = true, parameterSet = "Shuffle", help = "Output every input object, in random order.")
    boolean shuffle;
    @Parameter(parameterSet = "RandomListItem", help = "How many distinct objects to return.")
    int count = 1;
    @Parameter(help = "Seed the generator (repeatable sequences).")
    Integer setSeed;

    private Random random;
    private final List<Object> pool = new ArrayList<>();

    @Override
    public void begin() {
        random = setSeed == null ? new SecureRandom() : new Random(setSeed);
    }

    @Override
    public void process(Object input) {
        if (!parameterSetName().equals("RandomNumber")) {
            Collections.addAll(pool, inputObject);
        }
    }

    @Override
    public void end() {
        if (!parameterSetName().equals("RandomNumber")) {
            Collections.shuffle(pool, random);
            pool.subList(0, shuffle ? pool.size() : Math.min(count, pool.size())).forEach(this::writeObject);
            return;
        }
        Number min = minimum == null ? 0 : LanguagePrimitives.toNumber(minimum);
        Number max = maximum == null ? Integer.MAX_VALUE : LanguagePrimitives.toNumber(maximum);
        if (min.doubleValue() >= max.doubleValue()) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The Minimum value (" + min
                    + ") cannot be greater than or equal to the Maximum value (" + max + ")."),
                    "MinGreaterThanOrEqualMax", ErrorCategory.INVALID_ARGUMENT, min));
        }
        if (min instanceof Double || max instanceof Double) {
            writeObject(min.doubleValue() + random.nextDouble() * (max.doubleValue() - min.doubleValue()));
        } else {
            long r = min.longValue() + (long) (random.nextDouble() * (max.longValue() - min.longValue()));
            writeObject(r <= Integer.MAX_VALUE && r >= Integer.MIN_VALUE ? (Object) (int) r : (Object) r);
        }
    }
}
