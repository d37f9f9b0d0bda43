package jp.kiban.platform;

import java.util.Optional;

/** The municipality this installation is set up for. */
public interface MunicipalityService {

    /** Empty until an administrator (or the demo set-up) has configured the town. */
    Optional<Municipality> current();

    /** Stores the town's settings, replacing the previous ones. */
    Municipality configure(Municipality municipality);
}
