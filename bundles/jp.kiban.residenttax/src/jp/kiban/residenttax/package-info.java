/**
 * 個人住民税 (business id {@code juminzei}): the API of the business. Taxpayers of a tax year
 * ({@link ResidentTax}: residents on the register on 1 January, the 賦課期日 of 地方税法第318条, and 住登外
 * taxpayers), their incomes and deductions ({@link IncomeDeclaration}), the calculation of 所得割・均等割・森林環境税
 * ({@link ResidentTaxCalculator}, plain Java), the yearly batch ({@link ResidentTaxBatch}) and the 納税通知書
 * ({@link ResidentTaxNotices}).
 */
package jp.kiban.residenttax;
