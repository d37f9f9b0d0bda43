package jp.kiban.resident;

/**
 * SPI: told of every view, search and change of resident data, synchronously and after the fact.
 * Register as an OSGi service; the security issue's access log implements it. A listener that
 * throws is logged and ignored (it must not stop the counter).
 */
public interface ResidentAccessListener {

    void accessed(ResidentAccess access);
}
