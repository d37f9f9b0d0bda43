package jp.kiban.bench;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Equinox application behind {@code kiban bench} ({@code -application jp.kiban.bench.app}): see {@link BenchCommand}. */
public class BenchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Map<?, ?> args = context.getArguments();
        String[] argv = (String[]) args.get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        int code = BenchCommand.run(argv == null ? new String[0] : argv, System.out, System.err);
        System.out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // a run ends by itself; the child JVMs end with it
    }
}
