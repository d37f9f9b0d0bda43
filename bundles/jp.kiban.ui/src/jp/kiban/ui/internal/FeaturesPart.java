package jp.kiban.ui.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jp.kiban.core.DomainException;
import jp.kiban.platform.Operator;
import jp.kiban.platform.Permission;
import jp.kiban.provisioning.BusinessFeature;
import jp.kiban.provisioning.FeatureProvisioning;
import jp.kiban.provisioning.ProvisioningProgress;
import jp.kiban.provisioning.ProvisioningResult;
import jp.kiban.ui.Session;
import jp.kiban.ui.UiKeys;

/**
 * 業務機能の追加と削除 for the administrator: the business features installed into this installation, the features
 * a p2 repository (a folder or a URL) offers, install and uninstall buttons. Every call goes through
 * {@link FeatureProvisioning} in a background job with progress and a cancel button; a refusal (the whitelist, an
 * unknown feature) is shown in Japanese and changes nothing. Changes take effect at the next start.
 */
public class FeaturesPart {
    /** The repository the field starts with: {@code -Dkiban.provisioning.repository=…} or empty. */
    static final String REPOSITORY_PROPERTY = "kiban.provisioning.repository";

    @Inject
    Session session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    FeatureProvisioning provisioning;

    private Display display;
    private Text repository;
    private Table installed;
    private Table available;
    private Button load;
    private Button install;
    private Button uninstall;
    private Button cancel;
    private ProgressBar bar;
    private Label message;
    private volatile Job job;
    private volatile boolean cancelRequested;

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        parent.setLayout(new GridLayout(1, false));
        message = new Label(parent, SWT.WRAP);
        message.setData(UiKeys.KEY, UiKeys.FEATURES_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        boolean allowed = provisioning != null && session.current().map(o -> o.may(Permission.ADMINISTER)).orElse(false);
        if (!allowed) {
            message.setText(Messages.get(provisioning == null ? "features.unavailable" : "features.notAllowed"));
            return;
        }

        Label installedLabel = new Label(parent, SWT.NONE);
        installedLabel.setText(Messages.get("features.installed", provisioning.installation()));
        installed = table(parent, UiKeys.FEATURES_INSTALLED);

        Composite repoRow = new Composite(parent, SWT.NONE);
        repoRow.setLayout(new GridLayout(4, false));
        repoRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(repoRow, SWT.NONE).setText(Messages.get("features.repository"));
        repository = new Text(repoRow, SWT.BORDER);
        repository.setData(UiKeys.KEY, UiKeys.FEATURES_REPOSITORY);
        repository.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        repository.setText(System.getProperty(REPOSITORY_PROPERTY, ""));
        Button browse = new Button(repoRow, SWT.PUSH);
        browse.setText(Messages.get("features.browse"));
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(parent.getShell());
            d.setMessage(Messages.get("features.browse.message"));
            String dir = d.open();
            if (dir != null) {
                repository.setText(dir);
            }
        });
        load = new Button(repoRow, SWT.PUSH);
        load.setData(UiKeys.KEY, UiKeys.FEATURES_LOAD);
        load.setText(Messages.get("features.load"));
        load.addListener(SWT.Selection, e -> loadAvailable());

        available = table(parent, UiKeys.FEATURES_AVAILABLE);

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(5, false));
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        install = new Button(buttons, SWT.PUSH);
        install.setData(UiKeys.KEY, UiKeys.FEATURES_INSTALL);
        install.setText(Messages.get("features.install"));
        install.addListener(SWT.Selection, e -> installSelected());
        uninstall = new Button(buttons, SWT.PUSH);
        uninstall.setData(UiKeys.KEY, UiKeys.FEATURES_UNINSTALL);
        uninstall.setText(Messages.get("features.uninstall"));
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());
        cancel = new Button(buttons, SWT.PUSH);
        cancel.setData(UiKeys.KEY, UiKeys.FEATURES_CANCEL);
        cancel.setText(Messages.get("features.cancel"));
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            cancelRequested = true;
            Job j = job;
            if (j != null) {
                j.cancel();
            }
        });
        bar = new ProgressBar(buttons, SWT.HORIZONTAL);
        bar.setData(UiKeys.KEY, UiKeys.FEATURES_PROGRESS);
        GridData bg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bg.widthHint = 240;
        bar.setLayoutData(bg);
        bar.setMaximum(100);
        afterChange(); // the installed features, and the repository's if the field has one

    }

    @PreDestroy
    void dispose() {
        Job j = job;
        if (j != null) {
            cancelRequested = true;
            j.cancel();
        }
    }

    private static Table table(Composite parent, String key) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        t.setData(UiKeys.KEY, key);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridData g = new GridData(SWT.FILL, SWT.FILL, true, true);
        g.heightHint = 140;
        t.setLayoutData(g);
        for (String c : List.of("features.col.name", "features.col.id", "features.col.version", "features.col.state",
                "features.col.bundles")) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(Messages.get(c));
            col.setWidth(switch (c) {
                case "features.col.name" -> 260;
                case "features.col.id" -> 240;
                case "features.col.bundles" -> 420;
                default -> 130;
            });
        }
        return t;
    }

    private void fill(Table t, List<BusinessFeature> features, boolean withState) {
        t.removeAll();
        for (BusinessFeature f : features) {
            TableItem item = new TableItem(t, SWT.NONE);
            String state;
            if (withState) {
                boolean running = f.bundles().stream().anyMatch(b -> !"NOT_RUNNING".equals(b.state()));
                state = Messages.get(running ? "features.state.running" : "features.state.restart");
            } else {
                state = Messages.get(f.installed() ? "features.state.installed" : "features.state.notInstalled");
            }
            item.setText(new String[] { f.name(), f.id(), f.version(), state,
                    String.join(", ", f.bundles().stream().map(b -> withState ? b.symbolicName() + " (" + b.state() + ")"
                            : b.symbolicName()).toList()) });
            item.setData(f);
        }
    }

    private URI repositoryUri() {
        String text = repository.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return FeatureProvisioning.repositoryUri(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void loadAvailable() {
        URI uri = repositoryUri();
        if (uri == null) {
            show(Messages.get("features.repository.missing"), true);
            return;
        }
        Operator op = session.operator();
        run(Messages.get("features.job.available"), progress -> {
            List<BusinessFeature> list = provisioning.available(op, uri, progress);
            return () -> {
                fill(available, list, false);
                show(Messages.get(list.isEmpty() ? "features.available.none" : "features.available.count", list.size()), false);
            };
        }, null);
    }

    private void installSelected() {
        URI uri = repositoryUri();
        TableItem[] selection = available.getSelection();
        if (uri == null || selection.length == 0) {
            show(Messages.get("features.select.available"), true);
            return;
        }
        BusinessFeature f = (BusinessFeature) selection[0].getData();
        Operator op = session.operator();
        run(Messages.get("features.job.install", f.name()), progress -> {
            ProvisioningResult r = provisioning.install(op, f.id(), uri, progress);
            return () -> show(Messages.get("features.installed.done", f.name(), r.version(), r.added().size()), false);
        }, this::afterChange);
    }

    private void uninstallSelected() {
        TableItem[] selection = installed.getSelection();
        if (selection.length == 0) {
            show(Messages.get("features.select.installed"), true);
            return;
        }
        BusinessFeature f = (BusinessFeature) selection[0].getData();
        MessageBox confirm = new MessageBox(installed.getShell(), SWT.ICON_QUESTION | SWT.OK | SWT.CANCEL);
        confirm.setText(Messages.get("features.uninstall"));
        confirm.setMessage(Messages.get("features.uninstall.confirm", f.name()));
        if (confirm.open() != SWT.OK) {
            return;
        }
        Operator op = session.operator();
        run(Messages.get("features.job.uninstall", f.name()), progress -> {
            ProvisioningResult r = provisioning.uninstall(op, f.id(), progress);
            return () -> show(Messages.get("features.uninstalled.done", f.name(), r.version()), false);
        }, this::afterChange);
    }

    /** At the start, and after an install or uninstall: both lists again, in one job, keeping the message of the change. */
    private void afterChange() {
        URI uri = repositoryUri();
        Operator op = session.operator();
        run(Messages.get("features.job.list"), progress -> {
            List<BusinessFeature> now = provisioning.installed(op);
            List<BusinessFeature> offered = uri == null ? null : provisioning.available(op, uri, ProvisioningProgress.NONE);
            return () -> {
                fill(installed, now, true);
                if (offered != null) {
                    fill(available, offered, false);
                }
            };
        }, null, true);
    }

    /** Work that runs in a job and returns what to do on the UI thread. */
    private interface Work {
        Runnable run(ProvisioningProgress progress);
    }

    private void run(String name, Work work, Runnable after) {
        run(name, work, after, false);
    }

    /** @param quiet whether the steps stay out of the message line (a refresh after a change keeps its message) */
    private void run(String name, Work work, Runnable after, boolean quiet) {
        if (job != null) {
            return;
        }
        cancelRequested = false;
        busy(true);
        Job j = Job.create(name, (IProgressMonitor monitor) -> {
            monitor.beginTask(name, 100);
            ProvisioningProgress progress = new ProvisioningProgress() {
                private int done;

                @Override
                public void step(ProvisioningStep step, int percent) {
                    monitor.subTask(step.text(Locale.JAPANESE));
                    if (percent > done) {
                        monitor.worked(percent - done);
                        done = percent;
                    }
                    ui(() -> {
                        bar.setSelection(percent);
                        if (!quiet) {
                            show(step.text(Locale.JAPANESE), false);
                        }
                    });
                }

                @Override
                public boolean cancelled() {
                    return cancelRequested || monitor.isCanceled();
                }
            };
            try {
                Runnable onUi = work.run(progress);
                ui(() -> {
                    onUi.run();
                    done();
                    if (after != null) {
                        after.run();
                    }
                });
                return Status.OK_STATUS;
            } catch (DomainException e) {
                ui(() -> {
                    show(e.getMessage(Locale.JAPANESE), true);
                    done();
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui(() -> {
                    show(Messages.get("features.failed", String.valueOf(e.getMessage())), true);
                    done();
                });
                return Status.OK_STATUS;
            } finally {
                monitor.done();
            }
        });
        j.setUser(false);
        job = j;
        j.schedule();
    }

    private void done() {
        job = null;
        busy(false);
        bar.setSelection(0);
    }

    private void busy(boolean busy) {
        for (Button b : new Button[] { load, install, uninstall }) {
            if (b != null && !b.isDisposed()) {
                b.setEnabled(!busy);
            }
        }
        if (cancel != null && !cancel.isDisposed()) {
            cancel.setEnabled(busy);
        }
    }

    private void show(String text, boolean problem) {
        if (message.isDisposed()) {
            return;
        }
        message.setText(text);
        message.setForeground(problem ? display.getSystemColor(SWT.COLOR_DARK_RED) : null);
        message.getParent().layout(true, true);
    }

    private void ui(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!message.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
