// Human labels of the data elements (lib/breaches/types.ts DATA_ELEMENTS), shared by the wizard
// (client) and the incident page (server), so kept out of the "use client" module.
import type { DataElement } from "@/lib/breaches/types";

export const DATA_ELEMENT_LABELS: Record<DataElement, string> = {
  name: "Name (first name or initial and last name)",
  ssn: "Social Security number",
  drivers_license: "Driver's licence number",
  state_id: "State ID card number",
  passport: "Passport number",
  military_id: "Military ID number",
  tax_id: "Taxpayer ID number",
  financial_account: "Financial account number (without its code)",
  financial_account_with_code: "Financial account number with its access code or password",
  payment_card: "Credit or debit card number (without its code)",
  payment_card_with_code: "Card number with its security code, access code or PIN",
  medical: "Medical information",
  health_insurance: "Health insurance information",
  biometric: "Biometric data",
  genetic: "Genetic data",
  username_with_password: "User name with password or security question and answer",
  email_with_password: "E-mail address with password or security question and answer",
  date_of_birth: "Date of birth",
  mothers_maiden_name: "Mother's maiden name",
  precise_geolocation: "Precise geolocation",
  email: "E-mail address",
  phone: "Phone number",
  address: "Postal address",
};
