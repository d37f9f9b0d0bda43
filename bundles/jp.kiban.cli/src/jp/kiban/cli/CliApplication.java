package jp.kiban.cli;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/** The Equinox application behind {@code kiban cli}: hands the arguments to {@link KibanCli}. */
public class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Map<?, ?> args = context.getArguments();
        String[] argv = (String[]) args.get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        KibanCli cli = new KibanCli(new OsgiServices(FrameworkUtil.getBundle(CliApplication.class).getBundleContext()),
                System.out, System.err);
        int code = cli.run(argv == null ? new String[0] : argv);
        System.out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands are short; nothing to interrupt
    }
}
