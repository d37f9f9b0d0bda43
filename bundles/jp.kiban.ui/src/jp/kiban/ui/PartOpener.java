package jp.kiban.ui;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Inject;

/**
 * Opens a business part from its descriptor in the main part stack, or brings it to the front if it is
 * open already. Business bundles inject it ({@code @Inject PartOpener opener}) in their handlers.
 */
@Creatable
public class PartOpener {
    @Inject
    EPartService partService;
    @Inject
    EModelService modelService;
    @Inject
    MApplication application;

    public MPart open(String descriptorId) {
        MPart part = partService.findPart(descriptorId);
        if (part == null) {
            part = partService.createPart(descriptorId);
            if (part == null) {
                throw new IllegalArgumentException("No part descriptor " + descriptorId);
            }
            if (modelService.find(UiKeys.MAIN_STACK_ID, application) instanceof MPartStack stack) {
                stack.getChildren().add(part);
            }
        }
        return partService.showPart(part, PartState.ACTIVATE);
    }
}
