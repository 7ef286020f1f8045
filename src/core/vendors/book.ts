import { UserInputError } from "../errors.ts";
import { nameKey, type Vendor, type VendorFields } from "./vendor.ts";

/**
 * A workspace's list of vendor quotes: find, add, replace and remove by name. These work on the draft
 * the store hands to `update`, so a check that fails (a duplicate name) throws before anything is saved.
 */

/** More than anyone compares; keeps one workspace from growing the database without bound. */
export const MAX_VENDORS = 500;

export const findVendor = (vendors: readonly Vendor[], name: string): Vendor | undefined => {
  const key = nameKey(name);
  return vendors.find((v) => nameKey(v.name) === key);
};

/** Names that look like `name`, to suggest when it is not found. */
export const similarNames = (vendors: readonly Vendor[], name: string, max = 5): string[] => {
  const key = nameKey(name);
  const head = key.slice(0, 3);
  return vendors
    .filter((v) => {
      const k = nameKey(v.name);
      return k.includes(key) || key.includes(k) || (head.length === 3 && k.startsWith(head));
    })
    .slice(0, max)
    .map((v) => v.name);
};

export function requireVendor(vendors: readonly Vendor[], name: string, sub: string): Vendor {
  if (!name.trim())
    throw new UserInputError(`Say which vendor to ${sub}.`, {
      example: `${sub} ${vendors[0]?.name ?? "Acme"}`,
    });
  const found = findVendor(vendors, name);
  if (found) return found;
  const similar = similarNames(vendors, name);
  throw new UserInputError(`There is no vendor called "${name}" in this workspace.`, {
    example: `${sub} ${similar[0] ?? vendors[0]?.name ?? "Acme"}`,
    details: similar.length
      ? [`Did you mean ${similar.map((n) => `"${n}"`).join(" or ")}?`]
      : vendors.length
        ? ["See every saved vendor with `/cc-vendor list`."]
        : ["No vendors saved yet: add one with `/cc-vendor add`."],
  });
}

const duplicate = (existing: string) =>
  new UserInputError(
    `There is already a vendor called "${existing}" (names are unique, whatever the case). Pick another name or edit that one.`,
    { field: "name", example: `edit ${existing} rate=0.90/min` },
  );

export function addVendor(
  vendors: Vendor[],
  fields: VendorFields,
  meta: { userId: string; at: string },
): Vendor {
  const clash = findVendor(vendors, fields.name);
  if (clash) throw duplicate(clash.name);
  if (vendors.length >= MAX_VENDORS)
    throw new UserInputError(
      `This workspace already has ${MAX_VENDORS} vendors, the most it keeps. Remove some first.`,
      { example: "list" },
    );
  const vendor: Vendor = { ...fields, addedBy: meta.userId, addedAt: meta.at, updatedAt: meta.at };
  vendors.push(vendor);
  return vendor;
}

export function replaceVendor(vendors: Vendor[], oldName: string, fields: VendorFields, at: string): Vendor {
  const index = vendors.findIndex((v) => nameKey(v.name) === nameKey(oldName));
  const old = vendors[index];
  if (!old) throw new UserInputError(`There is no vendor called "${oldName}".`, { example: "list" });
  const clash = vendors.find((v, i) => i !== index && nameKey(v.name) === nameKey(fields.name));
  if (clash) throw duplicate(clash.name);
  const next: Vendor = {
    ...fields,
    ...(old.addedBy ? { addedBy: old.addedBy } : {}),
    ...(old.addedAt ? { addedAt: old.addedAt } : {}),
    updatedAt: at,
  };
  vendors[index] = next;
  return next;
}

export function removeVendor(vendors: Vendor[], name: string): Vendor | undefined {
  const index = vendors.findIndex((v) => nameKey(v.name) === nameKey(name));
  if (index < 0) return undefined;
  const [removed] = vendors.splice(index, 1);
  return removed;
}
