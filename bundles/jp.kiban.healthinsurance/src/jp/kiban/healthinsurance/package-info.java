/**
 * 国民健康保険 (business id {@code kokuho}): the API of the business. Households (国保世帯) and insured
 * persons (被保険者) with their 資格 history ({@link HealthInsurance}), the yearly rates
 * ({@link KokuhoRates}, {@link KokuhoRateService}), the calculation of the 国民健康保険税
 * ({@link KokuhoTaxCalculator}, plain Java, 地方税法第703条の4・第703条の5) and the yearly batch
 * ({@link KokuhoBatch}).
 */
package jp.kiban.healthinsurance;
