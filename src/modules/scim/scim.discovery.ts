/** The static discovery resources (RFC 7643 §5–7): ServiceProviderConfig, ResourceTypes, Schemas. */
export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const meta = (resourceType: string, location: string) => ({ resourceType, location: `/scim/v2${location}` });

export const SERVICE_PROVIDER_CONFIG = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  documentationUri: "https://github.com/tekizai/tekizai/blob/main/docs/scim.md",
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 1000 },
  changePassword: { supported: false },
  sort: { supported: true },
  etag: { supported: true },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "Bearer token",
      description:
        "A token issued per client with `tekizai scim token create`, sent as Authorization: Bearer.",
      primary: true,
    },
  ],
  meta: meta("ServiceProviderConfig", "/ServiceProviderConfig"),
};

export const RESOURCE_TYPES = [
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "An employment of a person at one group company",
    schema: CORE_USER,
    schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }],
    meta: meta("ResourceType", "/ResourceTypes/User"),
  },
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "An organisation unit (read-only)",
    schema: CORE_GROUP,
    schemaExtensions: [],
    meta: meta("ResourceType", "/ResourceTypes/Group"),
  },
];

interface AttrOptions {
  type?: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  uniqueness?: string;
  returned?: string;
  subAttributes?: ScimAttribute[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

interface ScimAttribute {
  name: string;
  type: string;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact?: boolean;
  mutability: string;
  returned: string;
  uniqueness: string;
  subAttributes?: ScimAttribute[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

function attr(name: string, description: string, options: AttrOptions = {}): ScimAttribute {
  const { subAttributes, referenceTypes, canonicalValues, ...rest } = options;
  return {
    name,
    type: rest.type ?? "string",
    multiValued: rest.multiValued ?? false,
    description,
    required: rest.required ?? false,
    ...((rest.type ?? "string") === "string" || rest.type === "reference" ? { caseExact: false } : {}),
    mutability: rest.mutability ?? "readWrite",
    returned: rest.returned ?? "default",
    uniqueness: rest.uniqueness ?? "none",
    ...(subAttributes ? { subAttributes } : {}),
    ...(referenceTypes ? { referenceTypes } : {}),
    ...(canonicalValues ? { canonicalValues } : {}),
  };
}

const schema = (id: string, name: string, description: string, attributes: ScimAttribute[]) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
  id,
  name,
  description,
  attributes,
  meta: meta("Schema", `/Schemas/${id}`),
});

export const SCHEMAS = [
  schema(CORE_USER, "User", "User Account", [
    attr("userName", "The person's work email address", { required: true, uniqueness: "server" }),
    attr("name", "The person's name", {
      type: "complex",
      subAttributes: [
        attr("formatted", "Full name", { mutability: "readOnly" }),
        attr("familyName", "Family name", { required: true }),
        attr("givenName", "Given name", { required: true }),
      ],
    }),
    attr("displayName", "Name shown (derived from the name)", { mutability: "readOnly" }),
    attr("emails", "Email addresses (the work email is userName)", {
      type: "complex",
      multiValued: true,
      subAttributes: [
        attr("value", "Email address"),
        attr("type", "Kind", { canonicalValues: ["work"] }),
        attr("primary", "Primary address", { type: "boolean" }),
      ],
    }),
    attr("active", "Employed and allowed to sign in", { type: "boolean" }),
  ]),
  schema(ENTERPRISE_USER, "EnterpriseUser", "Enterprise User", [
    attr("employeeNumber", "Employee number at the company", { required: true }),
    attr("organization", "Company code"),
    attr("department", "Current primary org unit", { mutability: "readOnly" }),
    attr("manager", "Line manager", {
      type: "complex",
      mutability: "readOnly",
      subAttributes: [
        attr("value", "SCIM id of the manager", { mutability: "readOnly" }),
        attr("displayName", "Manager's name", { mutability: "readOnly" }),
      ],
    }),
  ]),
  schema(CORE_GROUP, "Group", "Group (org unit, read-only)", [
    attr("displayName", "Org unit name", { required: true, mutability: "readOnly" }),
    attr("members", "People currently assigned", {
      type: "complex",
      multiValued: true,
      mutability: "readOnly",
      subAttributes: [
        attr("value", "SCIM User id", { mutability: "readOnly" }),
        attr("display", "Name", { mutability: "readOnly" }),
        attr("type", "Member type", { mutability: "readOnly", canonicalValues: ["User"] }),
      ],
    }),
  ]),
];
